using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Tests.Infrastructure;

namespace ReferralFlow.Tests.Persistence;

public class DatabaseProviderTests
{
    [Theory]
    [InlineData("Host=db;Database=rf", true)]
    [InlineData("Server=db;Database=rf", true)]
    [InlineData("postgres://u:p@db/rf", true)]
    [InlineData("postgresql://db/rf", true)]
    [InlineData("Data Source=./data/referralflow.db", false)]
    [InlineData("/var/lib/referralflow/rf.db", false)]
    public void Provider_is_chosen_from_the_connection_string(string connectionString, bool postgres)
    {
        Assert.Equal(postgres, DatabaseProvider.IsPostgresConnectionString(connectionString));
    }

    [Fact]
    public void A_postgres_url_becomes_a_keyword_connection_string()
    {
        var converted = DatabaseProvider.ToNpgsqlConnectionString("postgres://rf%40ops:s%3Acret@db.local:6543/referrals?sslmode=require");

        var keywords = new Npgsql.NpgsqlConnectionStringBuilder(converted);
        Assert.Equal(("db.local", 6543, "referrals", "rf@ops", "s:cret", Npgsql.SslMode.Require),
            (keywords.Host, keywords.Port, keywords.Database, keywords.Username, keywords.Password, keywords.SslMode));
    }

    [Fact]
    public void A_bare_path_becomes_a_sqlite_data_source_and_its_folder_is_created()
    {
        using var folder = new TempDirectory("rf-provider");
        var path = folder.Combine("nested", "rf.db");

        var connectionString = DatabaseProvider.ToSqliteConnectionString(path);

        Assert.Equal($"Data Source={path}", connectionString);
        Assert.True(Directory.Exists(folder.Combine("nested")));
    }

    [Fact]
    public void An_explicit_option_is_used_as_given()
    {
        Assert.Equal("Host=x", DatabaseProvider.Resolve("Host=x"));
        Assert.Equal("Data Source=./data/referralflow.db", DatabaseProvider.DefaultConnectionString);
    }

    [Fact]
    public async Task Sqlite_files_are_opened_in_wal_mode_with_a_busy_timeout()
    {
        using var file = new SqliteFile();
        await using var db = new ReferralFlowDb(DatabaseProvider.Options(file.ConnectionString));
        Assert.False(db.IsPostgres());

        Assert.Equal("wal", await db.Database.SqlQueryRaw<string>("SELECT journal_mode AS \"Value\" FROM pragma_journal_mode()").SingleAsync());
        Assert.Equal(10000L, await db.Database.SqlQueryRaw<long>("SELECT timeout AS \"Value\" FROM pragma_busy_timeout()").SingleAsync());
    }

    [Fact]
    public async Task Postgres_connection_strings_open_a_postgres_context()
    {
        await using var db = new ReferralFlowDb(DatabaseProvider.Options(PostgresServer.AdminConnectionString));
        Assert.True(db.IsPostgres());
        Assert.True(await db.Database.CanConnectAsync());
    }
}
