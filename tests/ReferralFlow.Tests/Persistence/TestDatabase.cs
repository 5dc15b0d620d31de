using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Tests.Infrastructure;

namespace ReferralFlow.Tests.Persistence;

/// <summary>An empty database of one provider ("sqlite" or "postgres"), deleted on dispose, with a keys folder of its
/// own (the audit key and head checkpoint), never ./data/keys.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public static readonly TheoryData<string> Providers = new() { "sqlite", "postgres" };

    private readonly SqliteFile? _sqlite;
    private readonly TempDirectory _keys = new("rf-keys");

    private TestDatabase(string provider, string connectionString, SqliteFile? sqlite)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqlite = sqlite;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    public bool IsPostgres => Provider == "postgres";

    public string KeysFolder => _keys.Path;

    /// <summary>The SQLite file, or null on PostgreSQL.</summary>
    public string? SqlitePath => _sqlite?.Path;

    public static async Task<TestDatabase> CreateAsync(string provider, string name)
    {
        switch (provider)
        {
            case "sqlite":
                var file = new SqliteFile();
                return new TestDatabase(provider, file.ConnectionString, file);
            case "postgres":
                return new TestDatabase(provider, await PostgresServer.CreateDatabaseAsync(name), null);
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Expected sqlite or postgres.");
        }
    }

    /// <summary>A fresh database with every migration applied.</summary>
    public static async Task<TestDatabase> MigratedAsync(string provider, string name)
    {
        var database = await CreateAsync(provider, name);
        await using var db = database.Open();
        await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
        return database;
    }

    public ReferralFlowDb Open() => new(DatabaseProvider.Options(ConnectionString, KeysFolder));

    public async ValueTask DisposeAsync()
    {
        if (IsPostgres) await PostgresServer.DropDatabaseAsync(ConnectionString);
        _sqlite?.Dispose();
        _keys.Dispose();
    }

    public static Referral NewReferral(DateTimeOffset startedAt, string caseCode = "RF-2026-ABCDE") => new()
    {
        Id = Guid.NewGuid(),
        CaseCode = caseCode,
        WorkflowId = "shelter-placement",
        WorkflowVersion = 1,
        StateJson = """{"tokens":[]}""",
        StartedAt = startedAt,
    };

    public static readonly DateTimeOffset Noon = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
}
