using ReferralFlow.Engine.Definitions;
using ReferralFlow.Engine.Execution;

namespace ReferralFlow.Engine.Simulation;

public enum InstanceStatus { Active, Closed, Withdrawn }

/// <summary>One referral run by <see cref="InMemoryHost"/>: the row the database host keeps per referral.</summary>
public sealed class HostedInstance
{
    public required Guid Id { get; init; }
    public required WorkflowDefinition Definition { get; init; }
    public required InstanceState State { get; set; }
    public InstanceStatus Status { get; set; } = InstanceStatus.Active;
    public string? Outcome { get; set; }
    public Guid? ParentId { get; init; }

    /// <summary>The parent's token that started this child (it waits on it when the step waits).</summary>
    public Guid? ParentTokenId { get; init; }
    public List<HistoryEvent> History { get; } = [];

    public string WorkflowId => Definition.Id;
    public bool IsActive => Status == InstanceStatus.Active;
}

public sealed record HostedTask(
    Guid Id, Guid ReferralId, Guid TokenId, string StepId, string Title, string Role, string? Form,
    IReadOnlyList<string> Outcomes, DateTimeOffset OpenedAt, DateTimeOffset? DueAt)
{
    public Closure? Closure { get; init; }
    public string? Outcome { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public bool IsOpen => Closure is null;
}

public sealed record HostedHandOff(
    Guid Id, Guid ReferralId, Guid TokenId, string StepId, string Title, string Partner, string Request,
    IReadOnlyList<string> Outcomes, DateTimeOffset OpenedAt, DateTimeOffset? DueAt)
{
    public Closure? Closure { get; init; }
    public string? Outcome { get; init; }
    public string? Channel { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public bool IsOpen => Closure is null;
}

/// <summary>A durable timer row; <see cref="Sequence"/> keeps the creation order among timers due at the same time.</summary>
public sealed record PendingTimer(
    Guid Id, Guid ReferralId, Guid TokenId, string StepId, TimerPurpose Purpose, int Rung, DateTimeOffset DueAt, long Sequence);

/// <summary>An outbox row: roles and template names only.</summary>
public sealed record QueuedMessage(
    Guid ReferralId, string StepId, MessageKind Kind, string Recipient, string Template,
    Guid? HandOffId, Guid? TaskId, DateTimeOffset At);

public sealed record Incident(Guid ReferralId, Guid TokenId, string StepId, string Message, DateTimeOffset At);

/// <summary>A history event of any referral, in the order the host committed it.</summary>
public sealed record JournalEntry(Guid ReferralId, string WorkflowId, HistoryEvent Event);
