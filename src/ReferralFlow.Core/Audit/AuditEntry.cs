namespace ReferralFlow.Core.Audit;

/// <summary>
/// One entry of the audit trail of personal data: who did or read what, when, on which referral and from where.
/// Append-only and hash-chained: <see cref="Hash"/> covers this entry's fields and <see cref="PreviousHash"/>, so an
/// edited or deleted row breaks the chain from there on (<c>referralflow audit verify</c>). Never holds personal
/// data itself: <see cref="Subject"/> names a record ("person", "consent 3f2a…"), not its content.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>Position in the chain, 1-based, assigned when the entry is saved. Until then a distinct negative
    /// number, so that several new entries can be tracked at once (it is the key).</summary>
    public long Sequence { get; internal set; }

    // The order entries were recorded in, which is the order they are sealed in. Not a column.
    internal long RecordedOrder;
    public required DateTimeOffset At { get; init; }
    public required string Actor { get; init; }

    /// <summary>Where the action came from: "cli", "web 10.0.0.7", "worker".</summary>
    public required string Source { get; init; }

    /// <summary>What was done, e.g. "person.read", "person.recorded", "consent.withdrawn", "referral.exported".</summary>
    public required string Action { get; init; }
    public Guid? ReferralId { get; init; }
    public required string Subject { get; init; }
    public string? Detail { get; init; }
    public string PreviousHash { get; internal set; } = "";
    public string Hash { get; internal set; } = "";
}
