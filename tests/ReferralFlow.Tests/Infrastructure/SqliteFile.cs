using Microsoft.Data.Sqlite;

namespace ReferralFlow.Tests.Infrastructure;

/// <summary>A SQLite database file in its own temp folder. Dispose clears the connection pools
/// (which keep the file open) and deletes the folder.</summary>
public sealed class SqliteFile : IDisposable
{
    private readonly TempDirectory _directory;

    public SqliteFile(string fileName = "referralflow.db")
    {
        _directory = new TempDirectory("rf-sqlite");
        Path = _directory.Combine(fileName);
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path }.ToString();
    }

    public string Path { get; }

    public string Directory => _directory.Path;

    public string ConnectionString { get; }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
