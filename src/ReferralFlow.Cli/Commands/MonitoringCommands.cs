using System.CommandLine;
using System.Globalization;
using ReferralFlow.Cli.Output;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.Monitoring;
using ReferralFlow.Core.Protection;

namespace ReferralFlow.Cli.Commands;

/// <summary><c>monitoring report | list</c>: follow-up reports after the return (issue 4 §5).</summary>
internal static class MonitoringCommands
{
    public static Command Create() => new("monitoring", "Monitoring reports; a re-trafficking risk alerts coordinator and focal point at once") { Report(), List() };

    private static Command Report()
    {
        var referral = RecordOptions.Referral();
        var date = RecordOptions.Text("--date", "Date of the contact the report is about (YYYY-MM-DD)");
        var by = RecordOptions.Text("--by", "Who reported: organisation and role (never the person's name)");
        var wellbeing = RecordOptions.Text("--wellbeing", "well, some-concerns or serious-concerns");
        var services = RecordOptions.Text("--services", "Services received since the last report (stored encrypted)");
        var risk = new Option<bool>("--risk") { Description = "There are signs of a re-trafficking risk (alerts at once)" };
        var details = RecordOptions.Text("--risk-details", "The signs of risk (stored encrypted)", required: false);
        var channel = new Option<string>("--channel") { Description = "How the report reached you", DefaultValueFactory = _ => HandOffChannels.Phone, HelpName = "channel" };
        channel.AcceptOnlyFromAmong(HandOffChannels.Phone, HandOffChannels.InPerson, HandOffChannels.Email);
        var command = new Command("report", "Record a monitoring report; it answers this month's request when one is waiting")
        {
            referral, date, by, wellbeing, services, risk, details, channel,
        };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            if (!DateOnly.TryParseExact(parse.GetValue(date)!, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                throw new Core.ReferralFlowException($"--date '{parse.GetValue(date)}' is not a date such as 2027-02-01 (YYYY-MM-DD).");
            var context = await CliContext.OpenAsync(parse, output, ct);
            if (day > DateOnly.FromDateTime(context.Clock.GetUtcNow().UtcDateTime.AddDays(1)))
                throw new Core.ReferralFlowException($"--date {day:yyyy-MM-dd} lies in the future; give the date of the contact.");
            var reports = new MonitoringReports(context.Runtime, context.Protector, RecordOptions.Operator, context.Clock);
            var recorded = await reports.RecordAsync(parse.GetValue(referral)!, new ReportInput(day, parse.GetValue(by)!, parse.GetValue(wellbeing)!,
                parse.GetValue(services)!, parse.GetValue(risk), parse.GetValue(details), parse.GetValue(channel)!), ct);
            if (output.Json)
                output.WriteJson(new { id = recorded.Report.Id, monitoring = recorded.MonitoringCaseCode, answeredHandOff = recorded.AnsweredHandOff, riskFlag = recorded.Report.RiskFlag });
            else
            {
                output.Line($"Recorded the report of {day:yyyy-MM-dd} on {recorded.MonitoringCaseCode}" +
                    (recorded.AnsweredHandOff is { } h ? $", answering this month's request ({h})." : " (no request was waiting: an extra report)."));
                if (recorded.Report.RiskFlag) output.Line("Re-trafficking risk: the coordinator and the network focal point are alerted now.");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command List()
    {
        var referral = RecordOptions.Referral();
        var details = new Option<bool>("--details") { Description = "Decrypt and show services and signs of risk (each read is audited)" };
        var command = new Command("list", "A referral's monitoring reports, from the reply page and from staff") { referral, details };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            var context = await CliContext.OpenAsync(parse, output, ct);
            await using var db = context.OpenDb();
            var reports = await MonitoringReportList.ForAsync(db, parse.GetValue(referral)!,
                context.Protector, parse.GetValue(details), RecordOptions.Operator, context.Clock.GetUtcNow(), ct);
            if (output.Json) output.WriteJson(reports);
            else if (reports.Count == 0) output.Line("No monitoring reports yet.");
            else
                output.Table(["DATE", "BY", "SOURCE", "WELLBEING", "RISK", "SERVICES"], reports.Select(r => (IReadOnlyList<string>)
                    [r.ReportDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-", r.ReportedBy, r.Source, Text.Or(r.Wellbeing),
                     r.RiskFlag ? "FLAGGED" : "-", Text.Or(r.ServicesReceived, parse.GetValue(details) ? "-" : "(--details)")]));
            // The signs of risk are long free text: below the table, one line per flagged report that gave them.
            if (!output.Json)
                foreach (var r in reports.Where(r => r.RiskDetails is { Length: > 0 }))
                    output.Line($"risk {r.ReportDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-"} ({r.Source}): {r.RiskDetails}");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
