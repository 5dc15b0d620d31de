namespace ReferralFlow.Core.Incidents;

/// <summary>A step that failed (bad data, a message that could not be delivered ...) and waits for a coordinator,
/// instead of failing silently.</summary>
public sealed class Incident
{
    public required Guid Id { get; init; }
    public required Guid ReferralId { get; init; }
    public required Guid TokenId { get; init; }
    public required string StepId { get; init; }
    public required string Message { get; init; }
    public required DateTimeOffset RaisedAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; private set; }

    /// <summary>How many times the failing step was tried, including the first.</summary>
    public int Attempts { get; private set; } = 1;

    public bool IsOpen => ResolvedAt is null;

    public void RecordRetry()
    {
        EnsureOpen("retry");
        Attempts++;
    }

    public void Resolve(DateTimeOffset at)
    {
        EnsureOpen("resolve");
        ResolvedAt = at;
    }

    private void EnsureOpen(string action)
    {
        if (!IsOpen)
            throw new InvalidOperationException(
                $"Cannot {action} incident {Id} at step '{StepId}': it was resolved at {ResolvedAt:u}.");
    }
}
