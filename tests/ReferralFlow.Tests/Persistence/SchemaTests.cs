using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Tests.Persistence;

public class SchemaTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrated_schema_has_exactly_the_models_tables_columns_and_nullability(string provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider, "schema");
        await using var db = database.Open();
        Assert.Empty(await DatabaseMigrator.PendingAsync(db, CancellationToken.None));

        var actual = await DatabaseSchema.ReadColumnsAsync(db, database.IsPostgres);
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
                (Name: i.GetDatabaseName(StoreObjectIdentifier.Table(e.GetTableName()!, e.GetSchema()))!, i.IsUnique)))
            .ToHashSet();
        var actual = (await DatabaseSchema.ReadIndexesAsync(db, database.IsPostgres)).ToHashSet();

        Assert.Equal(expected.OrderBy(i => i.Name), actual.OrderBy(i => i.Name));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrated_schema_has_exactly_the_models_foreign_keys(string provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider, "foreign_keys");
        await using var db = database.Open();

        var expected = db.Model.GetEntityTypes()
            .SelectMany(e => e.GetForeignKeys().Select(k => string.Join(" ",
                e.GetTableName(), string.Join(",", k.Properties.Select(p => p.GetColumnName())), "->",
                k.PrincipalEntityType.GetTableName(), string.Join(",", k.PrincipalKey.Properties.Select(p => p.GetColumnName())),
                "on delete", k.DeleteBehavior == DeleteBehavior.Cascade ? "cascade" : "no action")))
            .Order()
            .ToList();
        var actual = (await DatabaseSchema.ReadForeignKeysAsync(db, database.IsPostgres)).Order().ToList();

        Assert.Equal(expected, actual);
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
}
