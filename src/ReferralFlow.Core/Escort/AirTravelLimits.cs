namespace ReferralFlow.Core.Escort;

/// <summary>
/// The pregnancy week from which an air leg is refused. Default 36 completed weeks: the usual airline cut-off for a
/// single uncomplicated pregnancy (IATA's medical guidance and most carriers' conditions of carriage; many also ask
/// for a fit-to-fly letter from week 28). The practice digest is stricter — "many flight companies do not allow over
/// 7 month-pregnant women to fly" (referral-practice.md L7344–7345, about 28–30 weeks) — so a network whose carriers
/// follow that sets it lower (REFERRALFLOW_AIR_PREGNANCY_WEEKS, or --pregnancy-limit on the CLI).
/// </summary>
public sealed record AirTravelLimits(int PregnancyWeeks = AirTravelLimits.DefaultPregnancyWeeks)
{
    public const int DefaultPregnancyWeeks = 36;
    public const string Variable = "REFERRALFLOW_AIR_PREGNANCY_WEEKS";

    public static AirTravelLimits FromEnvironment() =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } text
            ? int.TryParse(text, out var weeks) && weeks is > 0 and < 45 ? new AirTravelLimits(weeks)
                : throw new ReferralFlowException($"{Variable} must be a number of weeks between 1 and 44, not '{text}'.")
            : new AirTravelLimits();

    /// <summary>Completed weeks on <paramref name="on"/>, counting on from the assessment.</summary>
    public static int WeeksOn((int Weeks, DateTimeOffset AssessedAt) assessed, DateTimeOffset on) =>
        assessed.Weeks + (int)Math.Floor((on - assessed.AssessedAt).TotalDays / 7);
}
