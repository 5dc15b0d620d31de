namespace ReferralFlow.Cli;

/// <summary>The clock of <c>--now</c>: the same instant for the whole command.</summary>
internal sealed class FixedClock(DateTimeOffset at) : TimeProvider
{
    private readonly DateTimeOffset at = at.ToUniversalTime();

    public override DateTimeOffset GetUtcNow() => at;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
