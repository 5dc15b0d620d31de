using System.Globalization;
using System.Text.RegularExpressions;

namespace ReferralFlow.Engine.Definitions;

/// <summary>
/// An ISO-8601 duration (P1Y2M3W4DT5H6M7S), optionally negative ("-P2D": before the due time),
/// or a count of business days ("P5BD", Monday to Friday).
/// </summary>
public sealed partial record WorkflowDuration(
    bool Negative, int Years, int Months, int Weeks, int Days, int Hours, int Minutes, int Seconds, int BusinessDays)
{
    public string Text { get; init; } = "";

    public static bool TryParse(string? text, out WorkflowDuration duration)
    {
        duration = null!;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var business = BusinessDaysPattern().Match(text);
        if (business.Success)
        {
            duration = new WorkflowDuration(business.Groups[1].Success, 0, 0, 0, 0, 0, 0, 0, Int(business.Groups[2]))
            { Text = text };
            return true;
        }
        var m = IsoPattern().Match(text);
        if (!m.Success || text.EndsWith('P') || text.EndsWith('T')) return false;
        duration = new WorkflowDuration(m.Groups["neg"].Success,
            Int(m.Groups["y"]), Int(m.Groups["mo"]), Int(m.Groups["w"]), Int(m.Groups["d"]),
            Int(m.Groups["h"]), Int(m.Groups["mi"]), Int(m.Groups["s"]), 0) { Text = text };
        return true;
    }

    public static WorkflowDuration Parse(string text) =>
        TryParse(text, out var d) ? d : throw new FormatException(Hint(text));

    public static string Hint(string? text) =>
        $"'{text}' is not a duration: write ISO-8601 such as P10D, PT48H, P1M, -P2D (before due) or P5BD (business days)";

    public DateTimeOffset AddTo(DateTimeOffset at)
    {
        var sign = Negative ? -1 : 1;
        if (BusinessDays > 0) return AddBusinessDays(at, sign * BusinessDays);
        return at.AddYears(sign * Years).AddMonths(sign * Months).AddDays(sign * (Weeks * 7 + Days))
            .AddHours(sign * Hours).AddMinutes(sign * Minutes).AddSeconds(sign * Seconds);
    }

    public bool IsZero => Years + Months + Weeks + Days + Hours + Minutes + Seconds + BusinessDays == 0;

    public override string ToString() => Text;

    private static DateTimeOffset AddBusinessDays(DateTimeOffset at, int days)
    {
        var step = Math.Sign(days);
        for (var left = Math.Abs(days); left > 0;)
        {
            at = at.AddDays(step);
            if (at.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) left--;
        }
        return at;
    }

    private static int Int(Group g) => g.Success ? int.Parse(g.Value, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"^(-)?P(\d{1,4})BD$")]
    private static partial Regex BusinessDaysPattern();

    [GeneratedRegex(@"^(?<neg>-)?P(?:(?<y>\d{1,4})Y)?(?:(?<mo>\d{1,4})M)?(?:(?<w>\d{1,4})W)?(?:(?<d>\d{1,5})D)?(?:T(?:(?<h>\d{1,5})H)?(?:(?<mi>\d{1,6})M)?(?:(?<s>\d{1,7})S)?)?$")]
    private static partial Regex IsoPattern();
}
