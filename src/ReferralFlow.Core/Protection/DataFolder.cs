using Microsoft.Data.Sqlite;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Core.Protection;

/// <summary>
/// Where ReferralFlow keeps its files: <c>REFERRALFLOW_DATA</c>, default <c>./data</c>. The Data Protection keys live
/// in its <c>keys</c> folder unless <c>REFERRALFLOW_KEYS</c> names another; with an embedded SQLite database and
/// neither variable set, beside the database file, so that a database and its keys move together.
/// </summary>
public static class DataFolder
{
    public const string Variable = "REFERRALFLOW_DATA";
    public const string KeysVariable = "REFERRALFLOW_KEYS";

    public static string Path => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path ? path : "data";

    public static string KeysPath => Environment.GetEnvironmentVariable(KeysVariable) is { Length: > 0 } path
        ? path
        : System.IO.Path.Combine(Path, "keys");

    /// <summary>The keys folder for a database: <see cref="KeysPath"/> when configured, else beside a SQLite file.</summary>
    public static string KeysPathFor(string connectionString)
    {
        if (Environment.GetEnvironmentVariable(KeysVariable) is { Length: > 0 } || Environment.GetEnvironmentVariable(Variable) is { Length: > 0 }
            || DatabaseProvider.IsPostgresConnectionString(connectionString))
            return KeysPath;
        var source = new SqliteConnectionStringBuilder(DatabaseProvider.ToSqliteConnectionString(connectionString)).DataSource;
        return source.Length > 0 && source != ":memory:" && System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(source)) is { Length: > 0 } folder
            ? System.IO.Path.Combine(folder, "keys")
            : KeysPath;
    }
}
