namespace ReferralFlow.Engine.Execution;

/// <summary>A dated entry of the referral's history. Detail holds outcomes, roles and step names only.</summary>
public sealed record HistoryEvent(DateTimeOffset At, string Kind, string? StepId, string? Detail, string? Actor = null);

public sealed record ExecutionResult(
    InstanceState State,
    IReadOnlyList<EngineEffect> Effects,
    IReadOnlyList<HistoryEvent> History)
{
    public ReferralClosed? Closed => Effects.OfType<ReferralClosed>().LastOrDefault();

    /// <summary>True when the stimulus no longer applied (e.g. a timer of a step that already finished).</summary>
    public bool Stale { get; init; }

    /// <summary>How many steps this pass entered (the engine's transitions).</summary>
    public int StepsRun { get; init; }
}

/// <summary>Bad input from a caller (unknown id, undeclared outcome, bad data). Nothing was changed.</summary>
public sealed class WorkflowInputException(string message) : Exception(message);
