using System.Text.RegularExpressions;
using ReferralFlow.Engine.Definitions;

namespace ReferralFlow.Engine.Execution;

/// <summary>
/// Workflow variables are stored in clear (instance state, history, e-mails' facts), so a string variable never holds
/// free text, where a name could be typed: it holds one of its declared <c>values</c>, or else a code. A variable named
/// <c>*.country</c> holds an ISO 3166 alpha-2 country code ("RO"); any other holds a lowercase code of letters, digits
/// and single '-', '_' or '.' between them ("ngo-shelter"), at most 64 characters. A variable declared with a
/// <see cref="VariableFormats"/> format holds a place or a flight number instead. What the person said, who they are,
/// and any note belong in the encrypted record. Messages name the variable, never the value.
/// </summary>
public static partial class VariableCodes
{
    public const int MaxCodeLength = 64;
    public const int MaxPlaceLength = 200;

    public static bool IsCountry(string name) => name.EndsWith(".country", StringComparison.Ordinal) || name == "country";

    /// <summary>A sentence saying what <paramref name="value"/> must be, or null when it fits.</summary>
    public static string? Problem(string name, string value) => Problem(name, value, null);

    /// <inheritdoc cref="Problem(string, string)"/>
    public static string? Problem(string name, string value, string? format) => format switch
    {
        VariableFormats.Place => Place().IsMatch(Canonical(format, value)) && Canonical(format, value).Length <= MaxPlaceLength ? null
            : $"'{name}' must be a place such as an airport, station, border crossing or city, in 1 to {MaxPlaceLength} characters " +
              "(letters, digits, spaces and . , ' ( ) / -): never an address, a name or any other note.",
        VariableFormats.FlightNumber => FlightNumber().IsMatch(Canonical(format, value)) ? null
            : $"'{name}' must be a flight number: the airline's 2- or 3-character code and 1 to 4 digits, such as AZ 1234 or W6 4321.",
        _ when IsCountry(name) => CountryCode().IsMatch(value) ? null
            : $"'{name}' must be an ISO 3166 alpha-2 country code, two capital letters such as RO, DE or RS.",
        _ => value.Length <= MaxCodeLength && Code().IsMatch(value) ? null
            : $"'{name}' must be a code (lowercase letters and digits, joined by '-', '_' or '.', at most {MaxCodeLength} characters): " +
              "free text never goes into a workflow variable; declare its \"values\" or keep the text in the referral's record.",
    };

    /// <summary>How a value of the format is stored: a place trimmed with single spaces, a flight number in capitals as
    /// "AZ 1234".</summary>
    public static string Canonical(string? format, string value)
    {
        var trimmed = Spaces().Replace(value.Trim(), " ");
        if (format != VariableFormats.FlightNumber) return format == VariableFormats.Place ? trimmed : value;
        var match = FlightParts().Match(trimmed.ToUpperInvariant());
        return match.Success ? $"{match.Groups[1].Value} {match.Groups[2].Value}" : trimmed;
    }

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCode();

    [GeneratedRegex("^[a-z0-9]+(?:[-_.][a-z0-9]+)*$")]
    private static partial Regex Code();

    // Letters of any script, digits, spaces and the punctuation place names use; at least one letter.
    [GeneratedRegex(@"^(?=.*\p{L})[\p{L}\p{M}0-9 .,'’()/-]+$")]
    private static partial Regex Place();

    [GeneratedRegex("^[A-Z0-9]{2}[A-Z]? [0-9]{1,4}[A-Z]?$")]
    private static partial Regex FlightNumber();

    [GeneratedRegex("^([A-Z0-9]{2}[A-Z]?) ?([0-9]{1,4}[A-Z]?)$")]
    private static partial Regex FlightParts();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
