using System.Text.Json.Nodes;

namespace ReferralFlow.Engine.Execution;

/// <summary>
/// What a pass of the engine asks the host to persist. The host applies all effects of a pass, the new
/// state and the history in one transaction; nothing leaves the transaction directly.
/// </summary>
public abstract record EngineEffect;

public sealed record TaskOpened(
    Guid TaskId, Guid TokenId, string StepId, string Title, string Role, string? Form,
    IReadOnlyList<string> Outcomes, DateTimeOffset? DueAt) : EngineEffect;

public sealed record TaskClosed(Guid TaskId, Closure Closure, string? Outcome, string? Actor) : EngineEffect;

/// <param name="Search">The step's directory query with its country resolved, for the host to find the partner
/// when no organisation plays <paramref name="Partner"/> yet.</param>
public sealed record HandOffRequested(
    Guid HandOffId, Guid TokenId, string StepId, string Title, string Partner, string Request,
    IReadOnlyList<string> Outcomes, DateTimeOffset? DueAt, PartnerSearch? Search = null) : EngineEffect;

public sealed record HandOffClosed(
    Guid HandOffId, Closure Closure, string? Outcome, string? Actor, string? Channel) : EngineEffect;

public sealed record TimerScheduled(
    Guid TimerId, Guid TokenId, string StepId, TimerPurpose Purpose, int Rung, DateTimeOffset DueAt) : EngineEffect;

public sealed record TimersCancelled(Guid TokenId) : EngineEffect;

/// <summary>A message for the outbox. Carries roles and template names only, never personal data.</summary>
public sealed record MessageQueued(
    string StepId, MessageKind Kind, string Recipient, string Template, Guid? HandOffId, Guid? TaskId) : EngineEffect;

public sealed record ChildStarted(
    Guid ChildReferralId, Guid TokenId, string StepId, string WorkflowId,
    IReadOnlyDictionary<string, JsonNode?> Input, bool Wait) : EngineEffect;

public sealed record ChildCancelled(Guid ChildReferralId) : EngineEffect;

public sealed record ReferralClosed(string Outcome, bool Withdrawn) : EngineEffect;

public sealed record IncidentRaised(Guid TokenId, string StepId, string Message) : EngineEffect;

public sealed record IncidentsResolved(IReadOnlyList<Guid> TokenIds) : EngineEffect;

public enum Closure { Completed, Cancelled, Expired }

public enum MessageKind { Request, Reminder, Escalation, Notice }
