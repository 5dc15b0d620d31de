using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Core.Audit;

/// <summary>
/// Seals new audit entries onto the end of the chain just before they are saved: each gets the next sequence number
/// and a SHA-256 over its fields and the previous entry's hash. The sequence is the primary key, so two transactions
/// that sealed onto the same tail cannot both commit: the chain never forks.
/// </summary>
public static class AuditChain
{
    public const string Genesis = "";

    internal static async Task SealAsync(ReferralFlowDb db, CancellationToken ct)
    {
        var pending = db.ChangeTracker.Entries<AuditEntry>()
            .Where(e => e.State == EntityState.Added && e.Entity.Sequence == 0)
            .Select(e => e.Entity).ToList();
        if (pending.Count == 0) return;

        var tail = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
        var (sequence, previous) = tail is null ? (0L, Genesis) : (tail.Sequence, tail.Hash);
        foreach (var entry in pending)
        {
            entry.Sequence = ++sequence;
            entry.PreviousHash = previous;
            entry.Hash = HashOf(entry);
            previous = entry.Hash;
        }
    }

    /// <summary>The hash an entry must carry given its fields and <see cref="AuditEntry.PreviousHash"/>.</summary>
    public static string HashOf(AuditEntry entry)
    {
        // Length-prefixed fields: no value can be shifted into its neighbour to produce the same text.
        var text = new StringBuilder();
        foreach (var field in Fields(entry))
            text.Append((field?.Length ?? -1).ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('|');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static IEnumerable<string?> Fields(AuditEntry entry) =>
    [
        entry.Sequence.ToString(CultureInfo.InvariantCulture),
        entry.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture),
        entry.Actor, entry.Source, entry.Action, entry.ReferralId?.ToString("D"), entry.Subject, entry.Detail,
        entry.PreviousHash,
    ];
}
