using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ReferralFlow.Core.Audit;

namespace ReferralFlow.Core.Persistence;

/// <summary>Picks SQLite or PostgreSQL from the connection string alone, so one setting
/// (<c>--db</c> or REFERRALFLOW_DB) moves a deployment from the embedded file to a server.</summary>
public static class DatabaseProvider
{
    public const string EnvironmentVariable = "REFERRALFLOW_DB";
    public const string DefaultConnectionString = "Data Source=./data/referralflow.db";

    public static string Resolve(string? option) =>
        option is { Length: > 0 } ? option
        : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : DefaultConnectionString;

    /// <param name="keysFolder">The keys folder whose audit key seals the audit chain (<see cref="AuditKeyOptions"/>);
    /// null for the environment's (<c>REFERRALFLOW_KEYS</c>, else <c>REFERRALFLOW_DATA/keys</c>).</param>
    public static DbContextOptions<ReferralFlowDb> Options(string connectionString, string? keysFolder = null)
    {
        var builder = new DbContextOptionsBuilder<ReferralFlowDb>();
        Configure(builder, connectionString, keysFolder);
        return builder.Options;
    }

    /// <summary>For <c>AddDbContext</c>: <c>services.AddDbContext&lt;ReferralFlowDb&gt;(o =&gt; DatabaseProvider.Configure(o, cs, keys))</c>.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, string connectionString, string? keysFolder = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        builder.UseAuditKeys(keysFolder);
        return IsPostgresConnectionString(connectionString)
            ? builder.UseNpgsql(ToNpgsqlConnectionString(connectionString))
            : builder.UseSqlite(ToSqliteConnectionString(connectionString)).AddInterceptors(SqlitePragmas.Instance);
    }

    public static bool IsPostgres(this ReferralFlowDb db) => db.Database.IsNpgsql();

    public static bool IsPostgresConnectionString(string connectionString)
    {
        var text = connectionString.Trim();
        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return true;
        if (!text.Contains('=')) return false;
        var keys = new DbConnectionStringBuilder { ConnectionString = text };
        return keys.ContainsKey("Host") || keys.ContainsKey("Server");
    }

    /// <summary>Keyword form as is; the URL form (<c>postgres://user:pass@host:5432/db?sslmode=require</c>)
    /// converted, query parameters becoming keywords.</summary>
    public static string ToNpgsqlConnectionString(string connectionString)
    {
        var text = connectionString.Trim();
        if (!text.Contains("://", StringComparison.Ordinal)) return text;

        var url = new Uri(text);
        var builder = new NpgsqlConnectionStringBuilder { Host = url.Host };
        if (!url.IsDefaultPort && url.Port > 0) builder.Port = url.Port;
        var database = Uri.UnescapeDataString(url.AbsolutePath.TrimStart('/'));
        if (database.Length > 0) builder.Database = database;
        if (url.UserInfo.Length > 0)
        {
            var parts = url.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2) builder.Password = Uri.UnescapeDataString(parts[1]);
        }
        foreach (var pair in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = pair.Split('=', 2) is [var k, var v] ? (k, v) : (pair, "");
            builder[Uri.UnescapeDataString(key)] = Uri.UnescapeDataString(value);
        }
        return builder.ConnectionString;
    }

    /// <summary>Keyword form as is, a bare path as <c>Data Source=path</c>; creates the file's folder.</summary>
    public static string ToSqliteConnectionString(string connectionString)
    {
        var text = connectionString.Trim();
        var builder = text.Contains('=')
            ? new SqliteConnectionStringBuilder(text)
            : new SqliteConnectionStringBuilder { DataSource = text };
        var inMemory = builder.Mode == SqliteOpenMode.Memory
            || builder.DataSource.Length == 0
            || builder.DataSource.Equals(":memory:", StringComparison.OrdinalIgnoreCase);
        if (!inMemory && Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) is { Length: > 0 } folder)
            Directory.CreateDirectory(folder);
        return builder.ToString();
    }
}
