using System.Text.RegularExpressions;

namespace ReferralFlow.Engine.Execution;

/// <summary>
/// Workflow variables are stored in clear (instance state, history, e-mails' facts), so a string variable never holds
/// free text, where a name could be typed: it holds one of its declared <c>values</c>, or else a code. A variable named
/// <c>*.country</c> holds an ISO 3166 alpha-2 country code ("RO"); any other holds a lowercase code of letters, digits
/// and single '-', '_' or '.' between them ("ngo-shelter"), at most 64 characters. What the person said, who they are,
/// and any note belong in the encrypted record. Messages name the variable, never the value.
/// </summary>
public static partial class VariableCodes
{
    public const int MaxCodeLength = 64;

    public static bool IsCountry(string name) => name.EndsWith(".country", StringComparison.Ordinal) || name == "country";

    /// <summary>A sentence saying what <paramref name="value"/> must be, or null when it fits.</summary>
    public static string? Problem(string name, string value) =>
        IsCountry(name)
            ? CountryCode().IsMatch(value) ? null
                : $"'{name}' must be an ISO 3166 alpha-2 country code, two capital letters such as RO, DE or RS."
            : value.Length <= MaxCodeLength && Code().IsMatch(value) ? null
                : $"'{name}' must be a code (lowercase letters and digits, joined by '-', '_' or '.', at most {MaxCodeLength} characters): " +
                  "free text never goes into a workflow variable; declare its \"values\" or keep the text in the referral's record.";

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCode();

    [GeneratedRegex("^[a-z0-9]+(?:[-_.][a-z0-9]+)*$")]
    private static partial Regex Code();
}
