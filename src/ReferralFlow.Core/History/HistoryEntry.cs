namespace ReferralFlow.Core.History;

/// <summary>One line of a referral's audit trail. Append-only: written once, never updated.</summary>
public sealed class HistoryEntry
{
    /// <summary>Assigned by the database; orders entries written in the same instant.</summary>
    public long Id { get; private set; }
    public required Guid ReferralId { get; init; }
    public required DateTimeOffset At { get; init; }

    /// <summary>One of <see cref="HistoryKinds"/>.</summary>
    public required string Kind { get; init; }
    public string? StepId { get; init; }
    public string? Detail { get; init; }
    public string? Actor { get; init; }
}
