using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Cli.Output;
using ReferralFlow.Core.Queries;

namespace ReferralFlow.Cli.Commands;

/// <summary><c>tasks list</c> and <c>tasks complete</c>.</summary>
internal static class TasksCommands
{
    private const string Actor = "caseworker";

    public static Command Create() => new("tasks", "Open tasks and finishing them") { List(), Complete() };

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
        var command = new Command("complete", "Finish a task with one of its outcomes; the procedure moves on") { task, outcome, data };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            var taskId = InputFiles.Id(parse.GetValue(task)!, "task", "referralflow tasks list");
            var values = await InputFiles.ReadObjectAsync(parse.GetValue(data), "--data", ct);
            var context = await CliContext.OpenAsync(parse, output, ct);
            var chosen = parse.GetValue(outcome)!;
            await context.Runtime.CompleteTaskAsync(taskId, chosen, values, Actor, ct);
            await StepResult.WriteAsync(context, await ReferralOfTaskAsync(context, taskId, ct), taskId, chosen, "completed", ct);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static async Task<(Guid ReferralId, string Step)> ReferralOfTaskAsync(CliContext context, Guid taskId, CancellationToken ct)
    {
        await using var db = context.OpenDb();
        var row = await db.Tasks.Where(t => t.Id == taskId).Select(t => new { t.ReferralId, t.StepId }).SingleAsync(ct);
        return (row.ReferralId, row.StepId);
    }
}
