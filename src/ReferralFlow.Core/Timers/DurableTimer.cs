using ReferralFlow.Engine.Execution;

namespace ReferralFlow.Core.Timers;

/// <summary>A point in time the engine must act at. Workers lease due rows (<see cref="TimerClaims"/>) and
/// delete a row in the same transaction that applies its effect, so each timer fires once.</summary>
public sealed class DurableTimer
{
    public required Guid Id { get; init; }
    public required Guid ReferralId { get; init; }
    public required Guid TokenId { get; init; }
    public required string StepId { get; init; }
    public required TimerPurpose Purpose { get; init; }

    /// <summary>Position on the reminder or escalation ladder (0 for the first); 0 for Due and Wait.</summary>
    public int Rung { get; init; }
    public required DateTimeOffset DueAt { get; init; }

    // Written only by the claim SQL.
    public string? LeaseOwner { get; private set; }
    public DateTimeOffset? LeaseExpiresAt { get; private set; }
}
