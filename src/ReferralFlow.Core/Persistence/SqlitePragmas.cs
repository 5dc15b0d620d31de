using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ReferralFlow.Core.Persistence;

/// <summary>
/// Lets several processes (web app, CLI, workers) share one SQLite file: WAL lets readers run beside the
/// writer, and busy_timeout makes a writer wait for the lock instead of failing at once with "database is
/// locked". Set on every open because busy_timeout is per connection (journal_mode=WAL sticks to the file,
/// repeating it is a no-op).
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    private const string Sql = "PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
