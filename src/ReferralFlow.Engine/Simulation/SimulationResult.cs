namespace ReferralFlow.Engine.Simulation;

/// <summary>One dated line of a rehearsal: what happened at which step of which procedure.</summary>
public sealed record TimelineEntry(DateTimeOffset At, string Workflow, string? StepId, string Kind, string? Detail);

public enum SimulationStop
{
    /// <summary>The referral reached an end step.</summary>
    Ended,

    /// <summary>Nothing is left to happen: no timer is pending and nobody is scripted to answer.</summary>
    Stuck,

    /// <summary>The next event lies beyond the horizon.</summary>
    HorizonPassed,
}

public sealed record SimulationResult(
    string WorkflowId,
    DateTimeOffset StartedAt,
    DateTimeOffset StoppedAt,
    SimulationStop Stop,
    string? Outcome,
    string StopReason,
    IReadOnlyList<TimelineEntry> Timeline);
