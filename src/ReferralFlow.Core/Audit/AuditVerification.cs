using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Core.Audit;

/// <summary>The first place where the stored chain stops proving itself: which entry, and what is wrong there.</summary>
public sealed record AuditBreak(long Sequence, string Problem);

/// <summary>What <c>audit verify</c> found: every entry checked, and the first break if any.</summary>
public sealed record AuditVerificationResult(long Entries, AuditBreak? FirstBreak)
{
    public bool Intact => FirstBreak is null;
}

/// <summary>
/// Walks the audit trail in sequence order and checks what the chain promises: no gap in the sequence, each entry's
/// previous-hash equal to its predecessor's hash, and each hash equal to the hash of the entry's own fields. An edited
/// row fails its own hash; a deleted row leaves a gap; a re-hashed forgery breaks the next entry's link. Deleting the
/// newest entries leaves no trace in a chain alone, which is why the trail is also backed up with the database.
/// </summary>
public static class AuditVerification
{
    public static async Task<AuditVerificationResult> VerifyAsync(ReferralFlowDb db, CancellationToken ct = default)
    {
        long count = 0;
        var expected = 1L;
        var previousHash = AuditChain.Genesis;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (Check(entry, expected, previousHash) is { } problem) return new AuditVerificationResult(count, problem);
            count++;
            expected = entry.Sequence + 1;
            previousHash = entry.Hash;
        }
        return new AuditVerificationResult(count, null);
    }

    private static AuditBreak? Check(AuditEntry entry, long expected, string previousHash)
    {
        if (entry.Sequence != expected)
            return entry.Sequence > expected
                ? new AuditBreak(expected, expected == entry.Sequence - 1
                    ? $"entry {expected} is missing: the chain jumps from {expected - 1} to {entry.Sequence} (a deleted row)"
                    : $"entries {expected} to {entry.Sequence - 1} are missing: the chain jumps from {expected - 1} to {entry.Sequence} (deleted rows)")
                : new AuditBreak(entry.Sequence, $"sequence {entry.Sequence} is out of order after {expected - 1}");
        if (entry.Hash != AuditChain.HashOf(entry))
            return new AuditBreak(entry.Sequence, "its hash does not match its content: the row was changed after it was written");
        if (entry.PreviousHash != previousHash)
            return new AuditBreak(entry.Sequence, expected == 1
                ? "the first entry does not start the chain (its previous hash is not empty)"
                : $"its previous hash does not match entry {expected - 1}'s hash: an entry before it was replaced");
        return null;
    }
}
