using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ReferralFlow.Core.Audit;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Tests.Persistence;

namespace ReferralFlow.Tests.Audit;

/// <summary>A trail written by a version that sealed with plain SHA-256: its entries keep verifying as the start of
/// the chain, new ones are keyed, and nothing is re-sealed (PostgreSQL would refuse the update anyway).</summary>
public class AuditUpgradeTests
{
    private const string BeforeKeyedAudit = "20261122200000_ProtectedReplyAnswers";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Entries_sealed_by_the_older_version_still_verify_and_new_ones_are_keyed(string provider)
    {
        await using var database = await OlderTrailAsync(provider, "audit_upgrade");
        await using (var db = database.Open())
            Assert.Equal((true, 3L, 3L), Summary(await AuditVerification.VerifyAsync(db)));

        await AuditChainTests.RecordAsync(database, "after.upgrade");
        await AuditChainTests.RecordAsync(database, "after.upgrade");

        await using var check = database.Open();
        var result = await AuditVerification.VerifyAsync(check);
        var entries = await check.AuditEntries.OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal((true, 5L, 3L), Summary(result));
        Assert.Equal([false, false, false, true, true], entries.Select(e => AuditChain.IsKeyed(e.Hash)));
        Assert.Equal(entries[2].Hash, entries[3].PreviousHash);
        Assert.Equal((3L, new AuditHead(5, entries[4].Hash), entries[0].Hash),
            (result.Checkpoint?.PlainUntil, result.Checkpoint?.Head, result.Checkpoint?.Chain));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_older_entry_edited_and_rehashed_breaks_the_link_of_the_first_keyed_entry(string provider)
    {
        await using var database = await OlderTrailAsync(provider, "audit_upgrade_edit");
        await AuditChainTests.RecordAsync(database, "after.upgrade");
        await using (var db = database.Open())
            await AuditTampering.EditAndRehashAsync(db, 2, "nothing.read", AuditChain.HashOf, through: 3);

        await using var check = database.Open();
        var broken = (await AuditVerification.VerifyAsync(check)).FirstBreak;

        Assert.Equal(4, broken?.Sequence);
        Assert.Contains("previous hash does not match entry 3's hash", broken?.Problem);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Keyed_entries_rehashed_as_if_an_older_version_had_sealed_them_are_detected(string provider)
    {
        await using var database = await OlderTrailAsync(provider, "audit_upgrade_downgrade");
        await AuditChainTests.RecordAsync(database, "after.upgrade");
        await AuditChainTests.RecordAsync(database, "after.upgrade");
        await using (var db = database.Open())
            await AuditTampering.EditAndRehashAsync(db, 4, "nothing.read", AuditChain.HashOf);

        await using var check = database.Open();
        var broken = (await AuditVerification.VerifyAsync(check)).FirstBreak;

        Assert.Equal(4, broken?.Sequence);
        Assert.Contains("records keyed sealing from entry 4 on", broken?.Problem);
    }

    private static (bool, long, long) Summary(AuditVerificationResult result) => (result.Intact, result.Entries, result.PlainEntries);

    /// <summary>A database at the schema before keyed sealing, with three entries sealed as that version did.</summary>
    private static async Task<TestDatabase> OlderTrailAsync(string provider, string name)
    {
        var database = await TestDatabase.CreateAsync(provider, name);
        await using var db = database.Open();
        await db.GetService<IMigrator>().MigrateAsync(BeforeKeyedAudit);
        var previous = AuditChain.Genesis;
        for (var sequence = 1L; sequence <= 3; sequence++)
        {
            var entry = new AuditEntry
            {
                At = TestDatabase.Noon.AddMinutes(sequence), Actor = "ana", Source = "cli", Action = "person.read",
                Subject = "person", Detail = $"reason {sequence}", Sequence = sequence, PreviousHash = previous,
            };
            entry.Hash = AuditChain.HashOf(entry);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO audit_entries (sequence, at, actor, source, action, referral_id, subject, detail, previous_hash, hash)
                VALUES ({entry.Sequence}, {UtcDateTimeConverter.ToStore(entry.At)}, {entry.Actor}, {entry.Source}, {entry.Action},
                    {null as Guid?}, {entry.Subject}, {entry.Detail}, {entry.PreviousHash}, {entry.Hash})
                """);
            previous = entry.Hash;
        }
        await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
        return database;
    }
}
