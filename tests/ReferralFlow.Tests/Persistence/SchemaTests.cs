using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Tests.Persistence;

public class SchemaTests
{
    private static readonly HashSet<string> MigrationTables = ["__EFMigrationsHistory", "__EFMigrationsLock", "sqlite_sequence"];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrated_schema_has_exactly_the_models_tables_columns_and_nullability(string provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider, "schema");
        await using var db = database.Open();
        Assert.Empty(await DatabaseMigrator.PendingAsync(db, CancellationToken.None));

        var actual = await ReadColumnsAsync(db, database.IsPostgres);
        var expected = new Dictionary<(string Table, string Column), (string Type, bool Nullable)>();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            foreach (var property in entity.GetProperties())
                expected[(table.Name, property.GetColumnName(table)!)] =
                    (property.GetColumnType(table).ToLowerInvariant(), property.IsColumnNullable(table));
        }

        var missing = expected.Keys.Except(actual.Keys).Select(k => $"{k.Table}.{k.Column}").ToList();
        var extra = actual.Keys.Except(expected.Keys).Select(k => $"{k.Table}.{k.Column}").ToList();
        Assert.True(missing.Count == 0, "Columns in the model but not in the migrated database: " + string.Join(", ", missing));
        Assert.True(extra.Count == 0, "Columns in the migrated database but not in the model: " + string.Join(", ", extra));
        var different = expected
            .Where(e => actual[e.Key] != e.Value)
            .Select(e => $"{e.Key.Table}.{e.Key.Column}: model {Describe(e.Value)}, database {Describe(actual[e.Key])}")
            .ToList();
        Assert.True(different.Count == 0, "Columns that differ: " + string.Join("; ", different));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrated_schema_has_exactly_the_models_indexes(string provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider, "indexes");
        await using var db = database.Open();

        var expected = db.Model.GetEntityTypes()
            .SelectMany(e => e.GetIndexes().Select(i =>
                (Name: i.GetDatabaseName(StoreObjectIdentifier.Table(e.GetTableName()!, e.GetSchema())))!, i.IsUnique)))
            .ToHashSet();
        var actual = (await ReadIndexesAsync(db, database.IsPostgres)).ToHashSet();

        Assert.Equal(expected.OrderBy(i => i.Name), actual.OrderBy(i => i.Name));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task History_ids_are_generated_by_the_database(string provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider, "identity");
        await using var db = database.Open();
        var referral = TestDatabase.NewReferral(TestDatabase.Noon);
        db.Referrals.Add(referral);
        var first = new Core.History.HistoryEntry { ReferralId = referral.Id, At = TestDatabase.Noon, Kind = "referral-started" };
        var second = new Core.History.HistoryEntry { ReferralId = referral.Id, At = TestDatabase.Noon, Kind = "task-created" };
        db.History.AddRange(first, second);
        await db.SaveChangesAsync();

        Assert.True(first.Id > 0);
        Assert.True(second.Id > first.Id);
    }

    private static string Describe((string Type, bool Nullable) column) =>
        $"{column.Type} {(column.Nullable ? "null" : "not null")}";

    private static async Task<Dictionary<(string, string), (string, bool)>> ReadColumnsAsync(ReferralFlowDb db, bool postgres)
    {
        var result = new Dictionary<(string, string), (string, bool)>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        if (postgres)
        {
            await foreach (var row in QueryAsync(connection, """
                SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
                WHERE table_schema = 'public'
                """))
            {
                if (MigrationTables.Contains(row[0])) continue;
                result[(row[0], row[1])] = (row[2], row[3] == "YES");
            }
            return result;
        }

        var tables = new List<string>();
        await foreach (var row in QueryAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table'"))
            if (!MigrationTables.Contains(row[0])) tables.Add(row[0]);
        foreach (var table in tables)
        {
            // pragma table_info: cid, name, type, notnull, dflt_value, pk
            await foreach (var row in QueryAsync(connection, $"PRAGMA table_info('{table}')"))
                result[(table, row[1])] = (row[2].ToLowerInvariant(), row[3] == "0");
        }
        return result;
    }

    private static async Task<List<(string Name, bool IsUnique)>> ReadIndexesAsync(ReferralFlowDb db, bool postgres)
    {
        var result = new List<(string, bool)>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        if (postgres)
        {
            await foreach (var row in QueryAsync(connection, """
                SELECT i.relname, CASE WHEN x.indisunique THEN '1' ELSE '0' END, t.relname
                FROM pg_index x
                JOIN pg_class i ON i.oid = x.indexrelid
                JOIN pg_class t ON t.oid = x.indrelid
                JOIN pg_namespace n ON n.oid = t.relnamespace
                WHERE n.nspname = 'public' AND NOT x.indisprimary
                """))
            {
                if (!MigrationTables.Contains(row[2])) result.Add((row[0], row[1] == "1"));
            }
            return result;
        }

        var tables = new List<string>();
        await foreach (var row in QueryAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table'"))
            if (!MigrationTables.Contains(row[0])) tables.Add(row[0]);
        foreach (var table in tables)
        {
            // pragma index_list: seq, name, unique, origin ('c' = CREATE INDEX, 'pk', 'u'), partial
            await foreach (var row in QueryAsync(connection, $"PRAGMA index_list('{table}')"))
                if (row[3] == "c") result.Add((row[1], row[2] == "1"));
        }
        return result;
    }

    private static async IAsyncEnumerable<string[]> QueryAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
                row[i] = reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!;
            yield return row;
        }
    }
}
