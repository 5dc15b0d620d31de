using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Core.Audit;

/// <summary>
/// Seals new audit entries onto the end of the chain just before they are saved: each gets the next sequence number
/// and an HMAC-SHA256, with the audit key of the keys folder (<see cref="AuditKey"/>), over its fields and the previous
/// entry's hash, stored as <c>hmac:…</c>. Entries written by older versions carry a bare SHA-256 and still verify, but
/// only as the start of the chain: anyone can compute a plain hash, nobody without the key a keyed one. Two writers must not both seal onto the same tail:
/// the tail is read under a lock held until commit (a PostgreSQL transaction-scoped advisory lock; SQLite's write
/// lock, which <c>BEGIN IMMEDIATE</c> takes at the start of the transaction). Should a writer still find the tail
/// moved (a deferred SQLite transaction), the sequence primary key refuses the second insert and
/// <see cref="ReferralFlowDb"/> reports it as a concurrency conflict, which callers retry.
/// </summary>
public static class AuditChain
{
    public const string Genesis = "";
    public const string KeyedPrefix = "hmac:";

    // Any constant unique to this lock among the application's advisory locks ("RFAUDIT" in ASCII).
    private const long AdvisoryLockKey = 0x52464155444954;

    /// <summary>Asked on every save, so without <c>DetectChanges</c> (SaveChanges runs that itself): an entry added
    /// through <see cref="AuditTrail.Record"/> is in the Added state from the moment it is added.</summary>
    internal static bool HasPending(ReferralFlowDb db)
    {
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return db.ChangeTracker.Entries<AuditEntry>().Any(e => e.State == EntityState.Added);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>Must run inside the transaction that inserts the entries.</summary>
    internal static async Task SealAsync(ReferralFlowDb db, CancellationToken ct)
    {
        // Entries keep the order they were recorded in; a retried save on the same context seals them afresh.
        var pending = db.ChangeTracker.Entries<AuditEntry>()
            .Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity).OrderBy(e => e.RecordedOrder).ToList();
        if (pending.Count == 0) return;
        if (db.IsPostgres())
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", ct);

        var keysFolder = AuditKeyOptions.KeysFolderOf(db);
        var key = AuditKey.LoadOrCreate(keysFolder);
        var tail = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence > 0).OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
        var (sequence, previous) = tail is null ? (0L, Genesis) : (tail.Sequence, tail.Hash);
        // Sealing onto a plain-hashed tail (or an empty trail) is where keyed sealing starts: the checkpoint records it.
        long? plainUntil = IsKeyed(previous) ? null : sequence;
        foreach (var entry in pending)
        {
            entry.Sequence = ++sequence;
            entry.PreviousHash = previous;
            entry.Hash = KeyedHashOf(entry, key);
            previous = entry.Hash;
        }
        var chain = tail is null ? pending[0].Hash
            : await db.AuditEntries.AsNoTracking().Where(e => e.Sequence == 1).Select(e => e.Hash).FirstOrDefaultAsync(ct);
        if (chain is not null)
            AuditCheckpointWriter.Note(db, keysFolder, key, new AuditCheckpoint(chain, new AuditHead(sequence, previous), plainUntil));
    }

    public static bool IsKeyed(string hash) => hash.StartsWith(KeyedPrefix, StringComparison.Ordinal);

    /// <summary>The hash an entry sealed with <paramref name="key"/> must carry given its fields and
    /// <see cref="AuditEntry.PreviousHash"/>.</summary>
    public static string KeyedHashOf(AuditEntry entry, AuditKey key) => KeyedPrefix + key.Sign(Text(entry));

    /// <summary>The plain SHA-256 that older versions sealed with: what anyone could recompute for an edited entry.</summary>
    public static string HashOf(AuditEntry entry) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Text(entry))));

    // Length-prefixed fields: no value can be shifted into its neighbour to produce the same text.
    private static string Text(AuditEntry entry)
    {
        var text = new StringBuilder();
        foreach (var field in Fields(entry))
            text.Append((field?.Length ?? -1).ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('|');
        return text.ToString();
    }

    private static IEnumerable<string?> Fields(AuditEntry entry) =>
    [
        entry.Sequence.ToString(CultureInfo.InvariantCulture),
        entry.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture),
        entry.Actor, entry.Source, entry.Action, entry.ReferralId?.ToString("D"), entry.Subject, entry.Detail,
        entry.PreviousHash,
    ];
}
