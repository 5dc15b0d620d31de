using System.CommandLine;
using System.Globalization;
using ReferralFlow.Core.Acting;

namespace ReferralFlow.Cli.Commands;

/// <summary>Options shared by the case-record commands (documents, travel, escort, arrival, monitoring): times in
/// ISO-8601 UTC, the referral argument, and who the audit trail names for a change made here.</summary>
internal static class RecordOptions
{
    /// <summary>Who changes made from the command line are attributed to: the operator, by operating-system user name.</summary>
    public static Actor Operator => Actor.CurrentOperator();

    public static Argument<string> Referral() => new("referral") { Description = "Referral id or case code (RF-2027-7KQ3M)" };

    public static Option<DateTimeOffset?> Time(string name, string description, bool required = false) => new(name)
    {
        Description = description,
        HelpName = "ISO-8601",
        Required = required,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
                return at;
            result.AddError($"{name} '{text}' is not an ISO-8601 date-time such as 2027-01-14T09:30:00Z");
            return null;
        },
    };

    public static Option<string> Text(string name, string description, bool required = true) =>
        new(name) { Description = description, Required = required, HelpName = name.TrimStart('-') };
}
