using Microsoft.Data.Sqlite;

namespace ReferralFlow.Tests.Cli;

/// <summary>Commands other than <c>db migrate</c> only check that the schema is current (issue 9 §8): a fresh database
/// is still set up on first use, one behind is refused with what to run, and a changed workflows file still publishes.</summary>
public class SchemaCheckTests
{
    [Fact]
    public async Task A_database_with_a_pending_migration_is_refused_until_db_migrate_brings_it_up_to_date()
    {
        await using var cli = CliRun.OnSqlite();
        Assert.Equal(0, (await cli.RunAsync("referrals", "list")).ExitCode);
        // As if this version's last migration had not run yet: the history no longer lists it.
        await using (var connection = new SqliteConnection(cli.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                DROP INDEX ux_referrals_case_code_case_part;
                ALTER TABLE referrals DROP COLUMN case_part;
                CREATE UNIQUE INDEX ux_referrals_case_code ON referrals (case_code);
                DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20261207140000_CaseParts';
                """;
            await command.ExecuteNonQueryAsync();
        }

        var refused = await cli.RunAsync("referrals", "list");
        Assert.Equal(1, refused.ExitCode);
        Assert.Equal("error: the database is not up to date: 1 migration(s) to apply (latest 20261207140000_CaseParts); " +
            "run 'referralflow db migrate' first (nothing was changed)", refused.Err.Trim());

        var migrated = await cli.RunAsync("db", "migrate");
        Assert.Contains("applied    20261207140000_CaseParts", migrated.OutLines);
        Assert.Equal(0, (await cli.RunAsync("referrals", "list")).ExitCode);
    }
}
