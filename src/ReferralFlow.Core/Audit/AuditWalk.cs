namespace ReferralFlow.Core.Audit;

/// <summary>One pass of <see cref="AuditVerification"/>: the checks of each entry against its predecessor, the key,
/// the checkpoint and the anchored heads, in the order that names the most telling problem first.</summary>
internal sealed class AuditWalk(
    AuditKey? key, string keyPath, AuditCheckpoint? checkpoint, string checkpointPath, IReadOnlyList<(AuditHead Head, string Source)> anchors)
{
    private long entries;
    private string? chain;
    private long plainEntries;
    private bool keyedSeen;

    public AuditVerificationResult Result(AuditEntry? last, AuditBreak? problem) =>
        new(entries, problem)
        {
            Head = last is null ? null : new AuditHead(last.Sequence, last.Hash),
            PlainEntries = plainEntries, Chain = chain, Checkpoint = checkpoint, CheckpointPath = checkpointPath,
        };

    public AuditBreak? Check(AuditEntry entry, AuditEntry? previous)
    {
        var expected = (previous?.Sequence ?? 0) + 1;
        if (entry.Sequence != expected)
            return entry.Sequence > expected
                ? new AuditBreak(expected, expected == entry.Sequence - 1
                    ? $"entry {expected} is missing: the chain jumps from {expected - 1} to {entry.Sequence} (a deleted row)"
                    : $"entries {expected} to {entry.Sequence - 1} are missing: the chain jumps from {expected - 1} to {entry.Sequence} (deleted rows)")
                : new AuditBreak(entry.Sequence, $"sequence {entry.Sequence} is out of order after {expected - 1}");
        if (HashProblem(entry) is { } problem) return new AuditBreak(entry.Sequence, problem);
        if (entry.PreviousHash != (previous?.Hash ?? AuditChain.Genesis))
            return new AuditBreak(entry.Sequence, expected == 1
                ? "the first entry does not start the chain (its previous hash is not empty)"
                : $"its previous hash does not match entry {expected - 1}'s hash: an entry before it was replaced");
        if (entry.Sequence == 1 && checkpoint is not null && entry.Hash != checkpoint.Chain)
            return new AuditBreak(1, $"it is not the first entry of the trail that the checkpoint {checkpointPath} anchors: " +
                "the trail was rewritten from its start, or this keys folder belongs to another database");
        foreach (var (head, source) in anchors)
            if (head.Sequence == entry.Sequence && head.Hash != entry.Hash)
                return new AuditBreak(entry.Sequence, $"its hash differs from {source} ({head}): the entry was replaced");
        entries++;
        chain ??= entry.Hash;
        return null;
    }

    /// <summary>An anchored head beyond the last entry: the newest entries are gone.</summary>
    public AuditBreak? MissingHead(long lastSequence)
    {
        foreach (var (head, source) in anchors.Where(a => a.Head.Sequence > lastSequence).OrderByDescending(a => a.Head.Sequence))
        {
            var missing = head.Sequence == lastSequence + 1 ? $"entry {head.Sequence} is missing" : $"entries {lastSequence + 1} to {head.Sequence} are missing";
            var ends = lastSequence == 0 ? "the trail is empty" : $"the trail ends at entry {lastSequence}";
            return new AuditBreak(lastSequence + 1, $"{missing}: {source} records entry {head.Sequence}, but {ends} " +
                "(the newest entries were deleted, or the database was restored from an older backup)");
        }
        return null;
    }

    private string? HashProblem(AuditEntry entry)
    {
        if (AuditChain.IsKeyed(entry.Hash))
        {
            keyedSeen = true;
            if (key is null)
                return $"it is sealed with the audit key, but {keyPath} is missing: point --keys or REFERRALFLOW_KEYS at the keys folder the trail was written with";
            return entry.Hash == AuditChain.KeyedHashOf(entry, key) ? null
                : "its hash does not match its content: the row was changed after it was written (or the audit key is not the one it was sealed with)";
        }
        if (keyedSeen)
            return "it carries a plain hash after entries sealed with the audit key: it was written or re-hashed without the key";
        if (checkpoint?.PlainUntil is { } until && entry.Sequence > until)
            return $"it carries a plain hash, but the checkpoint {checkpointPath} records keyed sealing from entry {until + 1} on: it was re-hashed without the key";
        if (entry.Hash != AuditChain.HashOf(entry)) return "its hash does not match its content: the row was changed after it was written";
        plainEntries++;
        return null;
    }
}
