using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Audit;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Tests.Audit;

/// <summary>What someone who can write to the database (and nothing else) does to the audit trail.</summary>
internal static class AuditTampering
{
    /// <summary>Runs <paramref name="sql"/> on the trail; on PostgreSQL the append-only triggers are lifted first, as
    /// a superuser or the table's owner would.</summary>
    public static async Task ExecuteAsync(ReferralFlowDb db, string sql, params object[] parameters)
    {
        if (db.IsPostgres()) await db.Database.ExecuteSqlRawAsync("ALTER TABLE audit_entries DISABLE TRIGGER USER");
        await db.Database.ExecuteSqlRawAsync(sql, parameters);
        if (db.IsPostgres()) await db.Database.ExecuteSqlRawAsync("ALTER TABLE audit_entries ENABLE TRIGGER USER");
    }

    /// <summary>Changes the action of entry <paramref name="from"/>, then re-hashes it and every later entry with
    /// <paramref name="hash"/>, each linked to its re-hashed predecessor: a rewrite that a plain hash chain accepts.</summary>
    public static async Task EditAndRehashAsync(ReferralFlowDb db, long from, string action, Func<AuditEntry, string> hash, long through = long.MaxValue)
    {
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence >= from - 1 && e.Sequence <= through)
            .OrderBy(e => e.Sequence).ToListAsync();
        var previous = from == 1 ? AuditChain.Genesis : entries[0].Hash;
        foreach (var entry in entries.Where(e => e.Sequence >= from))
        {
            var forged = new AuditEntry
            {
                At = entry.At, Actor = entry.Actor, Source = entry.Source, Action = entry.Sequence == from ? action : entry.Action,
                ReferralId = entry.ReferralId, Subject = entry.Subject, Detail = entry.Detail,
                Sequence = entry.Sequence, PreviousHash = previous,
            };
            forged.Hash = hash(forged);
            await ExecuteAsync(db, "UPDATE audit_entries SET action = {0}, previous_hash = {1}, hash = {2} WHERE sequence = {3}",
                forged.Action, forged.PreviousHash, forged.Hash, forged.Sequence);
            previous = forged.Hash;
        }
    }
}
