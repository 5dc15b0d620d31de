namespace ReferralFlow.Core.Tasks;

/// <summary>Work a person in a role must do for a referral; finishing it with one of its outcomes resumes the procedure.</summary>
public sealed class WorkTask
{
    public required Guid Id { get; init; }
    public required Guid ReferralId { get; init; }
    public required Guid TokenId { get; init; }
    public required string StepId { get; init; }
    public required string Title { get; init; }
    public required string Role { get; init; }
    public string? Form { get; init; }
    public required IReadOnlyList<string> Outcomes { get; init; }
    public WorkTaskStatus Status { get; private set; } = WorkTaskStatus.Open;
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? DueAt { get; init; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? Outcome { get; private set; }
    public string? ClosedBy { get; private set; }

    public void Complete(string outcome, DateTimeOffset at, string by)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        EnsureOpen("complete");
        if (!Outcomes.Contains(outcome, StringComparer.Ordinal))
            throw new InvalidOperationException(
                $"Task '{Title}' (step '{StepId}') has no outcome '{outcome}'; allowed: {string.Join(", ", Outcomes.Select(o => $"'{o}'"))}.");
        Close(WorkTaskStatus.Completed, outcome, at, by);
    }

    public void Cancel(DateTimeOffset at)
    {
        EnsureOpen("cancel");
        Close(WorkTaskStatus.Cancelled, null, at, null);
    }

    /// <summary>The deadline passed and the procedure moves on without the person; the outcome comes from the
    /// step's escalation ladder, which need not be one a person could choose.</summary>
    public void Expire(string outcome, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outcome);
        EnsureOpen("expire");
        Close(WorkTaskStatus.Expired, outcome, at, null);
    }

    private void Close(WorkTaskStatus status, string? outcome, DateTimeOffset at, string? by)
    {
        Status = status;
        Outcome = outcome;
        ClosedAt = at;
        ClosedBy = by;
    }

    private void EnsureOpen(string action)
    {
        if (Status != WorkTaskStatus.Open)
            throw new InvalidOperationException(
                $"Cannot {action} task '{Title}' (step '{StepId}'): it is already {Status.ToString().ToLowerInvariant()}.");
    }
}
