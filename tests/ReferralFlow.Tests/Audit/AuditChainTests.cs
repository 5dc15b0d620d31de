using ReferralFlow.Core.Acting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Audit;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Tests.Persistence;

namespace ReferralFlow.Tests.Audit;

public class AuditChainTests
{
    private static readonly Actor Actor = Actor.Operator("tester");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Entries_saved_together_get_consecutive_sequences_linked_by_their_hashes(string provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider, "audit_batch");
        await RecordAsync(database, "first");
        await using (var db = database.Open())
        {
            AuditTrail.Record(db, Actor, "person.read", null, "person", TestDatabase.Noon);
            AuditTrail.Record(db, Actor, "consent.recorded", null, "consent 1", TestDatabase.Noon, "share-data");
            AuditTrail.Record(db, Actor, "person.recorded", null, "person", TestDatabase.Noon);
            await db.SaveChangesAsync();
        }

        await using var check = database.Open();
        var entries = await check.AuditEntries.OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal([1L, 2, 3, 4], entries.Select(e => e.Sequence));
        Assert.Equal(["first", "person.read", "consent.recorded", "person.recorded"], entries.Select(e => e.Action));
        for (var i = 1; i < entries.Count; i++) Assert.Equal(entries[i - 1].Hash, entries[i].PreviousHash);
        Assert.True((await AuditVerification.VerifyAsync(check)).Intact);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Concurrent_writers_neither_fork_nor_break_the_chain(string provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider, "audit_concurrent");
        const int writers = 6, perWriter = 8;
        // Half save on their own (the context opens the transaction), half inside a transaction of their own
        // that also holds other work, as the runtime does; every writer retries a reported conflict.
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < perWriter; i++)
                await WithRetryAsync(async () =>
                {
                    await using var db = database.Open();
                    AuditTrail.Record(db, Actor, "person.read", null, $"writer {w}", TestDatabase.Noon, $"{i}");
                    if (w % 2 == 0)
                    {
                        await db.SaveChangesAsync();
                        return;
                    }
                    await using var transaction = await db.Database.BeginTransactionAsync();
                    await db.AuditEntries.CountAsync();
                    await db.SaveChangesAsync();
                    await transaction.CommitAsync();
                });
        })));

        await using var check = database.Open();
        var result = await AuditVerification.VerifyAsync(check);
        Assert.Null(result.FirstBreak);
        Assert.Equal(writers * perWriter, result.Entries);
        Assert.Equal(writers * perWriter, await check.AuditEntries.Select(e => e.Subject + "/" + e.Detail).Distinct().CountAsync());
    }

    [Fact]
    public async Task A_writer_that_sealed_onto_a_stale_tail_gets_a_retryable_conflict_on_SQLite()
    {
        await using var database = await TestDatabase.MigratedAsync("sqlite", "audit_stale");
        await RecordAsync(database, "first");

        await using var stale = database.Open();
        await stale.Database.OpenConnectionAsync();
        var connection = (SqliteConnection)stale.Database.GetDbConnection();
        // A deferred transaction reads a snapshot; the tail it will seal onto is then out of date.
        await using var transaction = connection.BeginTransaction(deferred: true);
        await stale.Database.UseTransactionAsync(transaction);
        Assert.Equal(1, await stale.AuditEntries.CountAsync());
        await RecordAsync(database, "second");

        AuditTrail.Record(stale, Actor, "stale", null, "person", TestDatabase.Noon);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => stale.SaveChangesAsync());
        await transaction.RollbackAsync();

        await using var check = database.Open();
        Assert.Equal(2, (await AuditVerification.VerifyAsync(check)).Entries);
    }

    internal static async Task RecordAsync(TestDatabase database, string action, string? detail = null)
    {
        await using var db = database.Open();
        AuditTrail.Record(db, Actor, action, null, "person", TestDatabase.Noon, detail);
        await db.SaveChangesAsync();
    }

    private static async Task WithRetryAsync(Func<Task> work)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await work();
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 20)
            {
            }
        }
    }
}
