using ReferralFlow.Core.Consent;
using ReferralFlow.Cli.Output;
using ReferralFlow.Core.CaseEvents;
using ReferralFlow.Core.Queries;

namespace ReferralFlow.Cli.Commands;

/// <summary>The human form of <c>referrals show</c>: a header, the open steps, open incidents, then the dated history.</summary>
internal static class ReferralText
{
    public static void Write(CliOutput output, ReferralDetails r, IReadOnlyList<ConsentSummary> vitalInterests, CaseState? caseState = null)
    {
        output.Line($"{r.CaseCode}  {r.Workflow} v{r.Version}  {r.Status}{(r.Outcome is null ? "" : $": {r.Outcome}")}");
        Field(output, "id", r.Id.ToString());
        Field(output, "stage", r.Stage);
        Field(output, "started", Text.Time(r.StartedAt));
        if (r.Parties.Sending is { } sending) Field(output, "sending", $"{sending.Name} ({sending.Key})");
        if (r.Parties.Receiving is { } receiving) Field(output, "receiving", $"{receiving.Name} ({receiving.Key})");
        if (r.Parties.Origin is not null || r.Parties.Destination is not null)
            Field(output, "corridor", string.Join(" → ", new[] { r.Parties.Origin ?? "?" }.Concat(r.Parties.Transit).Append(r.Parties.Destination ?? "?")));
        if (r.ClosedAt is { } closed) Field(output, "closed", Text.Time(closed));
        foreach (var linked in r.Linked)
            Field(output, linked.Relation, $"{linked.CaseCode}  {linked.Workflow}  {linked.Status}  (id {linked.Id})");
        if (caseState is not null) CaseEventText.WriteFields(output, caseState, Field);
        WriteVitalInterests(output, vitalInterests);
        WriteOpenSteps(output, r);
        WriteIncidents(output, r);
        if (caseState is not null) CaseEventText.WriteEvents(output, caseState);
        output.Line();
        output.Line("History (UTC)");
        output.Table(["AT", "KIND", "STEP", "DETAIL", "BY"], r.History.Select(h => (IReadOnlyList<string>)
            [Text.Time(h.At), h.Kind, Text.Or(h.Step), Text.Or(h.Detail), Text.Or(h.Actor, "")]), indent: "  ");
    }

    /// <summary>Shared without consent: said on the case until the person's own consent is recorded.</summary>
    private static void WriteVitalInterests(CliOutput output, IReadOnlyList<ConsentSummary> decisions)
    {
        if (decisions.Count == 0) return;
        output.Line();
        output.Line("Shared without consent, on vital interests (record the person's own consent as soon as they can give it)");
        foreach (var d in decisions)
            output.Line($"  '{d.Purpose}' to {d.RecipientName} ({d.Recipient}) since {Text.Time(d.RecordedAt)}: {d.VitalInterestReason}");
    }

    private static void Field(CliOutput output, string name, string value) => output.Line($"  {name,-9} {value}");

    public static void WriteOpenSteps(CliOutput output, ReferralDetails r)
    {
        output.Line();
        if (r.OpenSteps.Count == 0)
        {
            output.Line(r.Status == "active" ? "Open steps: none" : $"Open steps: none ({r.Status})");
            return;
        }
        output.Line("Open steps");
        output.Table(["STEP", "KIND", "WHO", "DUE", "OUTCOMES", "ID"], r.OpenSteps.Select(s => (IReadOnlyList<string>)
            [s.Step, s.Kind, Text.Or(s.Assignee), Text.Time(s.DueAt), Text.List(s.Outcomes), s.Id?.ToString() ?? "-"]), indent: "  ");
    }

    public static void WriteIncidents(CliOutput output, ReferralDetails r)
    {
        if (r.Incidents.Count == 0) return;
        output.Line();
        output.Line("Open incidents (fix the cause, then 'referralflow referrals retry')");
        output.Table(["RAISED", "STEP", "TRIES", "MESSAGE"], r.Incidents.Select(i => (IReadOnlyList<string>)
            [Text.Time(i.RaisedAt), i.Step, i.Attempts.ToString(), i.Message]), indent: "  ");
    }
}
