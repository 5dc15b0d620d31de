using System.CommandLine;
using System.Text.Json.Nodes;
using ReferralFlow.Cli.Output;
using ReferralFlow.Core;
using ReferralFlow.Core.Audit;
using ReferralFlow.Core.Intake;
using ReferralFlow.Core.People;

namespace ReferralFlow.Cli.Commands;

/// <summary><c>referrals person</c> (an audited read) and <c>referrals person-update</c> (an audited change). The person's
/// data goes to stdout only, never into an error line.</summary>
internal static class PersonCommands
{
    public static Command Person()
    {
        var id = ReferralsCommands.ReferralArgument();
        var command = new Command("person", "Show the person of a referral (decrypted; the read is audited)") { id };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            var context = await CliContext.OpenAsync(parse, output, ct);
            var referralId = await context.ReferralIdAsync(parse.GetValue(id)!, ct);
            await using var db = context.OpenDb();
            var view = await PersonRecords.ReadAsync(db, context.Protector, referralId, RecordOptions.Operator,
                context.Clock.GetUtcNow(), ct);
            if (view is null)
            {
                if (output.Json) output.WriteJson(new { person = (object?)null });
                else output.Line("No person recorded; record one with 'referralflow referrals person-update REFERRAL --input person.json'.");
                return ExitCodes.Ok;
            }
            if (output.Json) output.WriteJson(new { heldBy = view.HeldByCaseCode, person = view.Data, view.RecordedAt, view.ChangedAt });
            else Write(output, view);
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static Command PersonUpdate()
    {
        var id = ReferralsCommands.ReferralArgument();
        var input = new Option<string>("--input")
        {
            Description = "JSON object of the person (fullName, aliases, birthDate, nationality, languages, documentNumber, contact, " +
                "healthNotes); it replaces the whole record",
            HelpName = "person.json",
            Required = true,
        };
        var command = new Command("person-update", "Record or correct the person of a referral (stored encrypted; audited)") { id, input };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            var path = parse.GetValue(input)!;
            var person = ReadPerson(await InputFiles.ReadTextAsync(path, "--input", ct), path);
            var context = await CliContext.OpenAsync(parse, output, ct);
            var referralId = await context.ReferralIdAsync(parse.GetValue(id)!, ct);
            var problems = PersonChecks.Check(person.Person, person.Problems, Minority.Today(context.Clock));
            if (problems.Count > 0) throw new ReferralFlowException(IntakeProblem.Describe(problems, path));
            await using var db = context.OpenDb();
            var action = await PersonRecords.SaveAsync(db, context.Protector, referralId, person.Person.ToData(),
                RecordOptions.Operator, context.Clock.GetUtcNow(), ct);
            var details = await context.ShowAsync(referralId, ct);
            if (output.Json) output.WriteJson(new { details.Id, details.CaseCode, action });
            else output.Line(action == "person.recorded" ? $"Recorded the person of {details.CaseCode} (encrypted)." : $"Updated the person of {details.CaseCode} (encrypted).");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static (PersonInput Person, IReadOnlyList<IntakeProblem> Problems) ReadPerson(string json, string path)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new ReferralFlowException($"{path} is not valid JSON (line {(e.LineNumber ?? 0) + 1}): fix the syntax.");
        }
        return node is JsonObject obj ? IntakeReader.ReadPerson(obj)
            : throw new ReferralFlowException($"{path} must be a JSON object of the person's fields, such as {{\"fullName\": \"...\"}}.");
    }

    private static void Write(CliOutput output, PersonView view)
    {
        var p = view.Data;
        output.Line($"Person of {view.HeldByCaseCode} (recorded {Text.Time(view.RecordedAt)}{(view.ChangedAt is { } at ? $", changed {Text.Time(at)}" : "")}; this read is audited)");
        Field(output, "name", p.FullName);
        Field(output, "aliases", Text.List(p.Aliases));
        Field(output, "born", p.BirthDate?.ToString("yyyy-MM-dd") ?? "unknown (presumed a minor)");
        Field(output, "nationality", Text.Or(p.Nationality));
        Field(output, "languages", Text.List(p.Languages));
        Field(output, "document", Text.Or(p.DocumentNumber));
        Field(output, "contact", Text.Or(p.Contact));
        Field(output, "health", Text.Or(p.HealthNotes));
    }

    private static void Field(CliOutput output, string name, string value) => output.Line($"  {name,-12} {value}");
}
