using System.Globalization;

namespace ReferralFlow.Core.Intake;

internal static class IntakeFormats
{
    /// <summary>An ISO calendar date (<c>2009-03-14</c>), the only form a birth date is taken in.</summary>
    public static DateOnly? Date(string? text) =>
        text is not null && DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date : null;
}
