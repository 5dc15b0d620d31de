using System.Text;
using Npgsql;

namespace ReferralFlow.Tests.Infrastructure;

/// <summary>The throw-away PostgreSQL cluster started by ./test.sh. Tests that need it fail
/// (never skip) when it is not there.</summary>
public static class PostgresServer
{
    public const string EnvironmentVariable = "REFERRALFLOW_TEST_PG";
    private const string NamePrefix = "rf_";
    private const int MaxIdentifierLength = 63;

    /// <summary>Connection string to the cluster's maintenance database.</summary>
    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                "PostgreSQL tests need REFERRALFLOW_TEST_PG; run ./test.sh, which starts a throw-away cluster");

    /// <summary>Creates a fresh, uniquely named database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var admin = AdminConnectionString;
        var suffix = "_" + Guid.NewGuid().ToString("N");
        var cleanPrefix = Sanitize(prefix);
        var room = MaxIdentifierLength - NamePrefix.Length - suffix.Length;
        var name = NamePrefix + cleanPrefix[..Math.Min(cleanPrefix.Length, room)] + suffix;

        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing its connections.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        if (name is null || !name.StartsWith(NamePrefix, StringComparison.Ordinal) || Sanitize(name) != name)
        {
            throw new ArgumentException($"Refusing to drop '{name}': not a test database.", nameof(connectionString));
        }

        await using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string Sanitize(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value.ToLowerInvariant())
        {
            builder.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' ? c : '_');
        }
        return builder.ToString();
    }
}
