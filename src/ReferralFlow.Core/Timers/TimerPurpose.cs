namespace ReferralFlow.Core.Timers;

public enum TimerPurpose
{
    /// <summary>The step's deadline.</summary>
    Due,
    Reminder,
    /// <summary>One rung of the escalation ladder (see <see cref="DurableTimer.Rung"/>).</summary>
    Escalation,
    /// <summary>A wait step's own timer.</summary>
    Wait,
}
