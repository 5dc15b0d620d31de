using System.CommandLine;
using ReferralFlow.Cli.Output;
using ReferralFlow.Core.Documents;
using ReferralFlow.Core.Protection;

namespace ReferralFlow.Cli.Commands;

/// <summary><c>documents add | number | status | requirement | due | list</c>: document reissue (issue 4 §4).</summary>
internal static class DocumentsCommands
{
    public static Command Create() => new("documents", "Identity and travel documents being reissued, with their requirement checklists")
    {
        Add(), Number(), Status(), Requirement(), Due(), List(),
    };

    private static Command Add()
    {
        var referral = RecordOptions.Referral();
        var kind = RecordOptions.Text("--kind", $"The document: {string.Join(", ", DocumentKinds.All)}");
        var authority = RecordOptions.Text("--authority", $"Issuing authority: a directory key, or one of {string.Join(", ", DocumentCodes.AuthorityKinds)} with an optional country (civil-registry:NG)");
        var number = RecordOptions.Text("--number", "The document number, when known (stored encrypted)", required: false);
        var due = RecordOptions.Time("--due", "When the document is expected");
        var command = new Command("add", "Record a document requested from an authority") { referral, kind, authority, number, due };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            var context = await CliContext.OpenAsync(parse, output, ct);
            await using var db = context.OpenDb();
            var records = new DocumentRecords(db, context.Protector, RecordOptions.Operator, context.Clock.GetUtcNow());
            var document = await records.AddAsync(parse.GetValue(referral)!,
                new DocumentInput(parse.GetValue(kind)!, parse.GetValue(authority)!, parse.GetValue(number), parse.GetValue(due)), ct);
            if (output.Json) output.WriteJson(new { id = document.Id, document.Kind, status = DocumentStatusCodes.ToCode(document.Status) });
            else output.Line($"Recorded the {document.Kind} request (document {document.Id}).");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Number()
    {
        var document = DocumentArgument();
        var number = RecordOptions.Text("--number", "The document number (stored encrypted)");
        var command = new Command("number", "Record a document's number once it is known") { document, number };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            var id = InputFiles.Id(parse.GetValue(document)!, "document", "referralflow documents list REFERRAL");
            var context = await CliContext.OpenAsync(parse, output, ct);
            await using var db = context.OpenDb();
            await new DocumentRecords(db, context.Protector, RecordOptions.Operator, context.Clock.GetUtcNow())
                .SetNumberAsync(id, parse.GetValue(number)!, ct);
            if (output.Json) output.WriteJson(new { id, hasNumber = true });
            else output.Line($"Recorded the number of document {id}.");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Status()
    {
        var document = DocumentArgument();
        var status = new Argument<string>("status") { Description = $"New status: {string.Join(", ", DocumentStatusCodes.All)}" };
        var command = new Command("status", "Change a document's status (requested → more-information-asked → issued → collected, or refused)") { document, status };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            var id = InputFiles.Id(parse.GetValue(document)!, "document", "referralflow documents list REFERRAL");
            var context = await CliContext.OpenAsync(parse, output, ct);
            await using var db = context.OpenDb();
            var changed = await Records(db, context).ChangeStatusAsync(id, parse.GetValue(status)!, ct);
            var code = DocumentStatusCodes.ToCode(changed.Status);
            if (output.Json) output.WriteJson(new { id, changed.Kind, status = code });
            else output.Line($"The {changed.Kind} is now {code}.");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Requirement()
    {
        var document = DocumentArgument();
        var add = RecordOptions.Text("--add", "Add a requirement the authority asks for (names a paper, never the person)", required: false);
        var tick = RecordOptions.Text("--tick", "Mark a requirement as met", required: false);
        var remove = RecordOptions.Text("--remove", "Remove a requirement the authority no longer asks for", required: false);
        var command = new Command("requirement", "Change a document's checklist: exactly one of --add, --tick, --remove") { document, add, tick, remove };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            var id = InputFiles.Id(parse.GetValue(document)!, "document", "referralflow documents list REFERRAL");
            var given = new[] { ("added", parse.GetValue(add)), ("met", parse.GetValue(tick)), ("removed", parse.GetValue(remove)) }
                .Where(g => g.Item2 is not null).ToList();
            if (given.Count != 1) throw new Core.ReferralFlowException("Give exactly one of --add, --tick or --remove.");
            var (verb, name) = given[0];
            var context = await CliContext.OpenAsync(parse, output, ct);
            await using var db = context.OpenDb();
            var records = Records(db, context);
            switch (verb)
            {
                case "added": await records.AddRequirementAsync(id, name!, ct); break;
                case "met": await records.TickRequirementAsync(id, name!, ct); break;
                default: await records.RemoveRequirementAsync(id, name!, ct); break;
            }
            if (output.Json) output.WriteJson(new { id, requirement = name!.Trim(), change = verb });
            else output.Line($"Requirement '{name!.Trim()}' {verb}.");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Due()
    {
        var document = DocumentArgument();
        var due = RecordOptions.Time("--due", "The new expected date", required: true);
        var reason = RecordOptions.Text("--reason", $"Why the date moves (kept in the history): {string.Join(", ", DocumentCodes.DueReasons)}");
        var command = new Command("due", "Reset a document's due date, with the reason") { document, due, reason };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            var id = InputFiles.Id(parse.GetValue(document)!, "document", "referralflow documents list REFERRAL");
            var context = await CliContext.OpenAsync(parse, output, ct);
            await using var db = context.OpenDb();
            await Records(db, context).ResetDueAsync(id, parse.GetValue(due)!.Value, parse.GetValue(reason)!, ct);
            if (output.Json) output.WriteJson(new { id, dueAt = parse.GetValue(due) });
            else output.Line($"Document {id} is now due {Text.Time(parse.GetValue(due))}.");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command List()
    {
        var referral = RecordOptions.Referral();
        var numbers = new Option<bool>("--show-numbers") { Description = "Decrypt and show document numbers (each read is audited)" };
        var command = new Command("list", "A referral's documents and their checklists") { referral, numbers };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            var context = await CliContext.OpenAsync(parse, output, ct);
            await using var db = context.OpenDb();
            var documents = await DocumentList.ForAsync(db, parse.GetValue(referral)!,
                parse.GetValue(numbers) ? context.Protector : null, RecordOptions.Operator, context.Clock.GetUtcNow(), ct);
            if (output.Json) { output.WriteJson(documents); return ExitCodes.Ok; }
            if (documents.Count == 0) { output.Line("No documents recorded."); return ExitCodes.Ok; }
            output.Table(["ID", "KIND", "AUTHORITY", "STATUS", "DUE", "NUMBER", "REQUIREMENTS"], documents.Select(d => (IReadOnlyList<string>)
                [d.Id.ToString(), d.Kind, d.Authority, d.Status, Text.Time(d.DueAt), d.Number ?? (d.HasNumber ? "(recorded)" : "-"),
                 Text.List(d.Requirements.Where(r => r.Status != "removed").Select(r => $"{r.Name} [{r.Status}]"))]));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static DocumentRecords Records(Core.Persistence.ReferralFlowDb db, CliContext context) =>
        new(db, context.Protector, RecordOptions.Operator, context.Clock.GetUtcNow());

    private static Argument<string> DocumentArgument() => new("document") { Description = "Document id (from 'documents list')" };
}
