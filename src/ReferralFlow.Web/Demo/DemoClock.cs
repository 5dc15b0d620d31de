namespace ReferralFlow.Web.Demo;

/// <summary>Plays a demo referral's past: starts weeks ago and moves forward as its steps are completed,
/// so that histories, due dates and overdue work look like a caseload in progress.</summary>
internal sealed class DemoClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
