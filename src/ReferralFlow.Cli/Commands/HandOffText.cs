using ReferralFlow.Cli.Output;
using ReferralFlow.Core.Queries;
using ReferralFlow.Core.Replies;

namespace ReferralFlow.Cli.Commands;

/// <summary>The human form of <c>handoffs show</c>: what was asked, where it stands, then every change with who made it.</summary>
internal static class HandOffText
{
    /// <summary>"in-progress (in-transit)", "completed: accepted", "requested".</summary>
    public static string Status(HandOffSummary h) =>
        h.Status + (h.SubStatus is { } sub ? $" ({sub})" : "") + (h.Outcome is { } outcome ? $": {outcome}" : "");

    /// <param name="answerAsked">--answer was given: say so also when the hand-off has no reply-page answer.</param>
    public static void Write(CliOutput output, HandOffDetails details, bool answerAsked = false, ReadReplyAnswer? answer = null)
    {
        var h = details.HandOff;
        output.Line($"{h.CaseCode}  {h.Step}  {Status(h)}");
        Field(output, "id", h.Id.ToString());
        Field(output, "asks", $"{h.Title} ({h.Request})");
        Field(output, "partner", h.Partner);
        Field(output, "due", Text.Time(h.DueAt));
        Field(output, "e-mail", HandOffsCommands.Delivery(h.Delivery));
        if (answer is not null)
        {
            Field(output, "answer", $"{answer.Outcome} on the reply page at {Text.Time(answer.AnsweredAt)}");
            foreach (var (name, value) in answer.Fields)
                output.Line($"    {name}: {(value is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var text) ? text : value?.ToJsonString() ?? "-")}");
        }
        else if (answerAsked) Field(output, "answer", "none through the reply page");
        output.Line();
        output.Line("Timeline (UTC)");
        output.Table(["AT", "CHANGE", "STATUS", "BY", "CHANNEL", "NOTE"], details.Events.Select(e => (IReadOnlyList<string>)
            [Text.Time(e.At), e.Change, e.Status + (e.SubStatus is { } sub ? $" ({sub})" : "") + (e.Outcome is { } o ? $": {o}" : "")
                + (e.MovedFrom is not null || e.MovedTo is not null ? $" ({e.MovedFrom ?? "?"} → {e.MovedTo ?? "address to confirm"})" : ""),
             e.Actor is { } actor ? $"{e.By} {actor}" : e.By, Text.Or(e.Channel), e.Note ?? (e.HasNote ? "(encrypted; --notes)" : "-")]),
            indent: "  ");
    }

    private static void Field(CliOutput output, string name, string value) => output.Line($"  {name,-8} {value}");
}
