using Npgsql;

namespace ReferralFlow.Tests.Infrastructure;

public class PostgresServerTests
{
    [Fact]
    public async Task Creates_queries_and_drops_a_throw_away_database()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("Wiring Check");
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        Assert.StartsWith("rf_wiring_check_", name);
        Assert.True(name.Length <= 63);

        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("select 1, current_database()", connection);
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal(1, reader.GetInt32(0));
            Assert.Equal(name, reader.GetString(1));
        }

        await PostgresServer.DropDatabaseAsync(connectionString);

        await using var admin = new NpgsqlConnection(PostgresServer.AdminConnectionString);
        await admin.OpenAsync();
        await using var exists = new NpgsqlCommand("select count(*) from pg_database where datname = @name", admin);
        exists.Parameters.AddWithValue("name", name);
        Assert.Equal(0L, (long)(await exists.ExecuteScalarAsync())!);
    }
}
