using System.Text.Json.Nodes;
using ReferralFlow.Cli.Output;
using ReferralFlow.Core.CaseEvents;
using ReferralFlow.Core.Queries;

namespace ReferralFlow.Cli.Commands;

/// <summary>The case events in <c>referrals show</c>: "suspended" and "air travel" in the header, the events before the
/// history; in JSON a "case" object beside the referral's fields.</summary>
internal static class CaseEventText
{
    public static JsonObject Json(ReferralDetails details, CaseState state)
    {
        var json = CliOutput.ToJsonObject(details);
        json["case"] = CliOutput.ToJsonObject(state);
        return json;
    }

    public static void WriteFields(CliOutput output, CaseState state, Action<CliOutput, string, string> field)
    {
        if (state.Suspended is { } suspended)
            field(output, "suspended", $"since {Text.Time(suspended.SuspendedAt)} ({suspended.Reason}): timers paused, tasks wait");
        if (state.AirTravelUntil is { } until)
            field(output, "flights", $"allowed until {until:yyyy-MM-dd}" +
                (state.AirTravelWarningAt is { } warn ? $" (warning due {Text.Time(warn)})" : ""));
    }

    public static void WriteEvents(CliOutput output, CaseState state)
    {
        if (state.Events.Count == 0) return;
        output.Line();
        output.Line("Case events (UTC)");
        output.Table(["AT", "EVENT", "CODE", "CHANNEL", "ON", "BY"], state.Events.Select(e => (IReadOnlyList<string>)
            [Text.Time(e.RecordedAt), e.Kind, Text.Or(e.Code), Text.Or(e.Channel), e.On?.ToString("yyyy-MM-dd") ?? "-", e.RecordedBy]), indent: "  ");
    }
}
