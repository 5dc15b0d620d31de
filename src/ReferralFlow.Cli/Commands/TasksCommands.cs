using Microsoft.Extensions.DependencyInjection;
using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Cli.Output;
using ReferralFlow.Core;
using ReferralFlow.Core.Audit;
using ReferralFlow.Core.Definitions;
using ReferralFlow.Core.Forms;
using ReferralFlow.Core.Protection;
using ReferralFlow.Core.Queries;

namespace ReferralFlow.Cli.Commands;

/// <summary><c>tasks list</c>, <c>tasks complete</c> (with the task's form) and <c>tasks form</c>.</summary>
internal static class TasksCommands
{

    public static Command Create() => new("tasks", "Open tasks and finishing them") { List(), Complete(), Form() };

    private static Command List()
    {
        var referral = new Option<string?>("--referral") { Description = "Only the tasks of this referral (id or case code)", HelpName = "referral" };
        var command = new Command("list", "Open tasks, the most urgent first") { referral };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            var context = await CliContext.OpenAsync(parse, output, ct);
            Guid? referralId = parse.GetValue(referral) is { } reference ? await context.ReferralIdAsync(reference, ct) : null;
            await using var db = context.OpenDb();
            var tasks = await TaskQueries.ListOpenAsync(db, referralId, ct);
            if (output.Json) output.WriteJson(tasks);
            else if (tasks.Count == 0) output.Line("No open tasks.");
            else
                output.Table(["ID", "CASE", "STEP", "ROLE", "DUE", "OUTCOMES", "TASK"], tasks.Select(t => (IReadOnlyList<string>)
                    [t.Id.ToString(), t.CaseCode, t.Step, t.Role, Text.Time(t.DueAt), Text.List(t.Outcomes), t.Title]));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Complete()
    {
        var task = new Argument<string>("task") { Description = "Task id (from 'tasks list')" };
        var outcome = new Option<string>("--outcome") { Description = "One of the task's outcomes", Required = true, HelpName = "outcome" };
        var data = new Option<string?>("--data") { Description = "JSON object of the variables the step sets", HelpName = "file.json" };
        var form = new Option<string?>("--form") { Description = "JSON object of the task's form fields (stored encrypted)", HelpName = "file.json" };
        var command = new Command("complete", "Finish a task with one of its outcomes; the procedure moves on") { task, outcome, data, form };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            var taskId = InputFiles.Id(parse.GetValue(task)!, "task", "referralflow tasks list");
            var values = await InputFiles.ReadObjectAsync(parse.GetValue(data), "--data", ct);
            var submission = parse.GetValue(form) is { } formFile ? await ReadFormAsync(formFile, ct) : null;
            var context = await CliContext.OpenAsync(parse, output, ct);
            var chosen = parse.GetValue(outcome)!;
            if (submission is null) await context.Runtime.CompleteTaskAsync(taskId, chosen, values, RecordOptions.Operator, ct);
            else await TaskForms(context).CompleteAsync(taskId, chosen, values, submission, RecordOptions.Operator, ct);
            await StepResult.WriteAsync(context, await ReferralOfTaskAsync(context, taskId, ct), taskId, chosen, "completed", ct);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Form()
    {
        var task = new Argument<string>("task") { Description = "Task id (from 'tasks list' or 'referrals show')" };
        var command = new Command("form", "Show the form submitted when a task completed (the read is audited)") { task };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            var taskId = InputFiles.Id(parse.GetValue(task)!, "task", "referralflow tasks list");
            var context = await CliContext.OpenAsync(parse, output, ct);
            await using var db = context.OpenDb();
            var submitted = await SubmittedForms.ReadAsync(db, context.Protector, Forms(),
                    taskId, RecordOptions.Operator, context.Clock.GetUtcNow(), ct)
                ?? throw new ReferralFlowException($"No form was submitted for task {taskId}; a form is stored when its task is completed with --form.");
            if (output.Json)
            {
                output.WriteJson(new
                {
                    submitted.Id, submitted.TaskId, submitted.Step, form = submitted.FormId, submitted.Title, submitted.SubmittedAt,
                    submitted.SubmittedBy, values = new JsonObject(submitted.Fields.Select(f => KeyValuePair.Create(f.Name, f.Value?.DeepClone()))),
                });
                return ExitCodes.Ok;
            }
            output.Line($"{submitted.Title} ('{submitted.Step}'), submitted {Text.Time(submitted.SubmittedAt)} by {submitted.SubmittedBy}");
            output.Table(["FIELD", "VALUE"], submitted.Fields.Select(f => (IReadOnlyList<string>)[f.Label, FieldText(f.Value)]), "  ");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static string FieldText(JsonNode? value) => value switch
    {
        JsonArray list => string.Join(", ", list.Select(FieldText)),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>().ReplaceLineEndings(" / "),
        null => "-",
        _ => value.ToJsonString(),
    };

    private static FormLibrary Forms() => new(WorkflowFiles.DefaultDirectory());

    private static TaskForms TaskForms(CliContext context) => context.Services.GetRequiredService<TaskForms>();

    private static async Task<JsonObject> ReadFormAsync(string path, CancellationToken ct)
    {
        var text = await InputFiles.ReadTextAsync(path, "--form", ct);
        try
        {
            return JsonNode.Parse(text) as JsonObject
                ?? throw new ReferralFlowException($"{path}: the --form file must hold one JSON object {{ \"field\": value, ... }}.");
        }
        catch (JsonException e)
        {
            throw new ReferralFlowException($"{path}: not valid JSON at line {(e.LineNumber ?? 0) + 1}; fix the syntax there.");
        }
    }

    private static async Task<(Guid ReferralId, string Step)> ReferralOfTaskAsync(CliContext context, Guid taskId, CancellationToken ct)
    {
        await using var db = context.OpenDb();
        var row = await db.Tasks.Where(t => t.Id == taskId).Select(t => new { t.ReferralId, t.StepId }).SingleAsync(ct);
        return (row.ReferralId, row.StepId);
    }
}
