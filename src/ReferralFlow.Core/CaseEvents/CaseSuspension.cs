namespace ReferralFlow.Core.CaseEvents;

/// <summary>
/// A stretch of time in which the referral waits for the person (missing, in hospital, in detention …). While one is
/// open (<see cref="ResumedAt"/> null) the timer workers leave the referral's timers alone (Timers/TimerClaims), its
/// tasks cannot be completed, and partners' replies are still recorded. Resuming moves every pending timer later by the
/// time spent suspended (<see cref="Suspensions"/>).
/// </summary>
public sealed class CaseSuspension
{
    public required Guid Id { get; init; }
    public required Guid ReferralId { get; init; }

    /// <summary>One of <see cref="CaseVocabulary.SuspensionReasons"/>.</summary>
    public required string Reason { get; init; }
    public required DateTimeOffset SuspendedAt { get; init; }
    public required string SuspendedBy { get; init; }
    public DateTimeOffset? ResumedAt { get; private set; }
    public string? ResumedBy { get; private set; }

    /// <summary>How many timers resuming moved later.</summary>
    public int? TimersMoved { get; private set; }

    public bool IsOpen => ResumedAt is null;

    public TimeSpan Length(DateTimeOffset until) => (ResumedAt ?? until) - SuspendedAt;

    public void End(DateTimeOffset at, string by, int timersMoved)
    {
        if (!IsOpen) throw new InvalidOperationException("This suspension has already ended.");
        (ResumedAt, ResumedBy, TimersMoved) = (at, by, timersMoved);
    }
}
