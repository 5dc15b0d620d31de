using System.Text.Json.Nodes;

namespace ReferralFlow.Engine.Execution;

/// <summary>Something that resumes a waiting instance, always addressed by an explicit id.</summary>
public abstract record Stimulus;

public sealed record CompleteTask(
    Guid TaskId, string Outcome, IReadOnlyDictionary<string, JsonNode?> Data, string Actor) : Stimulus;

public sealed record AnswerHandOff(
    Guid HandOffId, string Outcome, IReadOnlyDictionary<string, JsonNode?> Data, string Actor, string Channel) : Stimulus;

public sealed record FireTimer(Guid TimerId, Guid TokenId, TimerPurpose Purpose, int Rung) : Stimulus;

public sealed record ChildClosed(Guid ChildReferralId, string Outcome) : Stimulus;

public sealed record Withdraw(string Actor) : Stimulus;

/// <summary>Runs the faulted steps again after their cause was fixed.</summary>
public sealed record RetryIncidents(string Actor) : Stimulus;

public enum TimerPurpose { Due, Reminder, Escalation, Wait }
