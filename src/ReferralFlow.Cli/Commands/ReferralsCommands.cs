using System.CommandLine;
using ReferralFlow.Cli.Output;
using ReferralFlow.Core.Audit;
using ReferralFlow.Core.CaseEvents;
using ReferralFlow.Core.Intake;
using ReferralFlow.Core.Queries;
using ReferralFlow.Core.Referrals;

namespace ReferralFlow.Cli.Commands;

/// <summary><c>referrals start | show | list | retry | export | reopen</c>, the person and stage commands, and the case events
/// (<see cref="CaseEventCommands"/>: missing, suspend, resume, leave, contact, withdraw).</summary>
internal static class ReferralsCommands
{
    // Who the history records for changes made from the command line.

    public static Command Create()
    {
        var command = new Command("referrals", "Start, inspect, withdraw and retry referrals; record the person's own events")
        {
            Start(), Show(), List(), Retry(), ReferralExportCommand.Create(), ReopenCommand.Create(),
            PersonCommands.Person(), PersonCommands.PersonUpdate(), StageCommand.Create(),
            CorridorCommand.Create(),
        };
        foreach (var caseEvent in CaseEventCommands.Create()) command.Subcommands.Add(caseEvent);
        return command;
    }

    private static Command Start()
    {
        var workflow = new Option<string>("--workflow") { Description = "Id of a published procedure, e.g. transnational-return", Required = true, HelpName = "id" };
        var input = new Option<string?>("--input")
        {
            Description = "JSON object with \"person\" (fullName, aliases, birthDate, nationality, languages, documentNumber, contact, " +
                "healthNotes), \"sendingOrganisation\", \"receivingOrganisation\" (directory ids), \"corridor\" (origin, transit, " +
                "destination) and \"variables\" (the procedure's inputs); refused as a whole, every problem listed",
            HelpName = "file.json",
        };
        var command = new Command("start", "Start a referral on the latest published version of a procedure") { workflow, input };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            var path = parse.GetValue(input);
            var intake = path is null ? ReferralIntake.Empty : IntakeReader.Parse(await InputFiles.ReadTextAsync(path, "--input", ct), path);
            var context = await CliContext.OpenAsync(parse, output, ct);
            var start = new ReferralStart(context.Runtime, context.Protector, context.Clock);
            var result = await start.StartAsync(parse.GetValue(workflow)!, intake, RecordOptions.Operator, ct);
            var started = result.Referral;
            if (output.Json) output.WriteJson(new { id = started.Id, caseCode = started.CaseCode, personRecorded = result.PersonRecorded, result.Warning });
            else
            {
                output.Line($"Started {started.CaseCode} (id {started.Id})" + (result.PersonRecorded ? "; the person's data is stored encrypted" : ""));
                if (result.Warning is { } warning) output.Line($"warning: {warning}");
                ReferralText.WriteOpenSteps(output, await context.ShowAsync(started.Id, ct));
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Show()
    {
        var id = ReferralArgument();
        var command = new Command("show", "A referral's state, open steps, incidents and history") { id };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            var context = await CliContext.OpenAsync(parse, output, ct);
            var referralId = await context.ReferralIdAsync(parse.GetValue(id)!, ct);
            var details = await context.ShowAsync(referralId, ct);
            CaseState caseState;
            await using (var db = context.OpenDb()) caseState = await CaseEventQueries.StateAsync(db, referralId, ct);
            if (output.Json) output.WriteJson(CaseEventText.Json(details, caseState));
            else ReferralText.Write(output, details, await context.VitalInterestsAsync(referralId, ct), caseState);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command List()
    {
        var status = new Option<string?>("--status") { Description = "Only referrals with this status", HelpName = "status" };
        status.AcceptOnlyFromAmong("active", "closed", "withdrawn");
        var command = new Command("list", "Referrals, newest first") { status };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            var context = await CliContext.OpenAsync(parse, output, ct);
            ReferralStatus? wanted = parse.GetValue(status) is { } s ? Enum.Parse<ReferralStatus>(s, ignoreCase: true) : null;
            await using var db = context.OpenDb();
            var referrals = await ReferralQueries.ListAsync(db, wanted, ct);
            if (output.Json) output.WriteJson(referrals);
            else if (referrals.Count == 0) output.Line(wanted is null ? "No referrals." : $"No {parse.GetValue(status)} referrals.");
            else
                output.Table(["CASE", "WORKFLOW", "STATUS", "OUTCOME", "STARTED", "INCIDENTS", "ID"], referrals.Select(r => (IReadOnlyList<string>)
                    [r.CaseCode, $"{r.Workflow} v{r.Version}", r.Status, Text.Or(r.Outcome), Text.Time(r.StartedAt),
                     r.OpenIncidents == 0 ? "-" : r.OpenIncidents.ToString(), r.Id.ToString()]));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Retry()
    {
        var id = ReferralArgument();
        var command = new Command("retry", "Run the steps of a referral's open incidents again (after fixing their cause)") { id };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            var context = await CliContext.OpenAsync(parse, output, ct);
            var referralId = await context.ReferralIdAsync(parse.GetValue(id)!, ct);
            await context.Runtime.RetryIncidentsAsync(referralId, RecordOptions.Operator, ct);
            var details = await context.ShowAsync(referralId, ct);
            if (output.Json) output.WriteJson(new { details.Id, details.CaseCode, details.Status, details.Incidents, details.OpenSteps });
            else
            {
                output.Line(details.Incidents.Count == 0
                    ? $"Retried: {details.CaseCode} has no open incident left."
                    : $"Retried: {details.CaseCode} still has {Text.Count(details.Incidents.Count, "open incident", "open incidents")}.");
                ReferralText.WriteIncidents(output, details);
                ReferralText.WriteOpenSteps(output, details);
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    internal static Argument<string> ReferralArgument() => new("referral") { Description = "Referral id or case code (RF-2027-7KQ3M)" };
}
