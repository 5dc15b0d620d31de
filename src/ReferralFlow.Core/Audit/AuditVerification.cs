using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Core.Audit;

/// <summary>The first place where the stored chain stops proving itself: which entry, and what is wrong there.
/// Sequence 0 when the trail cannot be checked at all (a damaged checkpoint).</summary>
public sealed record AuditBreak(long Sequence, string Problem);

/// <summary>What <c>audit verify</c> found: every entry checked, the first break if any, the head it reached, how
/// many entries carry the plain hash of older versions, and the checkpoint it compared with.</summary>
public sealed record AuditVerificationResult(long Entries, AuditBreak? FirstBreak)
{
    public bool Intact => FirstBreak is null;
    public AuditHead? Head { get; init; }
    public long PlainEntries { get; init; }

    /// <summary>The hash of entry 1, which names the trail in its checkpoint.</summary>
    public string? Chain { get; init; }
    public AuditCheckpoint? Checkpoint { get; init; }
    public required string CheckpointPath { get; init; }
}

/// <summary>
/// Walks the audit trail in sequence order and checks what the chain promises: no gap in the sequence, each entry's
/// previous-hash equal to its predecessor's hash, and each hash equal to the keyed hash of the entry's own fields
/// (the plain hash only at the start of the chain, for entries older versions sealed). An edited row fails its own
/// hash, and re-hashing it needs the audit key; a deleted row leaves a gap. Deleting the newest entries leaves no
/// trace in a chain alone: the head is compared with the signed checkpoint in the keys folder and, when given, with
/// a head kept elsewhere (<c>--expect-head</c>).
/// </summary>
public static class AuditVerification
{
    public static Task<AuditVerificationResult> VerifyAsync(ReferralFlowDb db, CancellationToken ct = default) =>
        VerifyAsync(db, null, ct);

    public static async Task<AuditVerificationResult> VerifyAsync(ReferralFlowDb db, AuditHead? expectedHead, CancellationToken ct = default)
    {
        var folder = AuditKeyOptions.KeysFolderOf(db);
        var key = AuditKey.TryLoad(folder);
        var path = AuditCheckpoint.PathIn(folder);
        AuditCheckpoint? checkpoint;
        try
        {
            checkpoint = key is null ? null : AuditCheckpoint.Read(folder, key);
        }
        catch (ReferralFlowException e)
        {
            return new AuditVerificationResult(0, new AuditBreak(0, e.Message)) { CheckpointPath = path };
        }

        var anchors = new List<(AuditHead Head, string Source)>();
        if (expectedHead is not null) anchors.Add((expectedHead, "the expected head"));
        if (checkpoint is not null) anchors.Add((checkpoint.Head, $"the checkpoint {path}"));
        var walk = new AuditWalk(key, AuditKey.PathIn(folder), checkpoint, path, anchors);
        AuditEntry? last = null;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (walk.Check(entry, last) is { } problem) return walk.Result(last, problem);
            last = entry;
        }
        return walk.Result(last, walk.MissingHead(last?.Sequence ?? 0));
    }

    /// <summary>After an intact verification, moves the checkpoint up to the verified head (and makes the key if
    /// the trail has no keyed entry yet, so that a trail written by an older version is anchored too). Returns the
    /// checkpoint now on file.</summary>
    public static AuditCheckpoint? Anchor(ReferralFlowDb db, AuditVerificationResult result)
    {
        if (!result.Intact || result.Head is null || result.Chain is null) return result.Checkpoint;
        var folder = AuditKeyOptions.KeysFolderOf(db);
        var key = AuditKey.LoadOrCreate(folder);
        new AuditCheckpoint(result.Chain, result.Head, result.PlainEntries).Advance(folder, key);
        return AuditCheckpoint.Read(folder, key);
    }
}
