using System.CommandLine;
using ReferralFlow.Cli.Output;
using ReferralFlow.Core.Definitions;
using ReferralFlow.Core.Queries;

namespace ReferralFlow.Cli.Commands;

/// <summary><c>workflows validate</c> and <c>workflows list</c>.</summary>
internal static class WorkflowsCommands
{
    public static Command Create() => new("workflows", "Check procedure files and list the published versions")
    {
        Validate(),
        List(),
    };

    private static Command Validate()
    {
        var paths = new Argument<string[]>("path")
        {
            Description = "Procedure files or folders (default: the workflows folder)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("validate", "Check procedure files; exit 1 listing every problem (file, step, JSON path, message)") { paths };
        command.SetAction(CliAction.Run((parse, output, _) =>
        {
            var given = parse.GetValue(paths) is { Length: > 0 } p ? p : [WorkflowFiles.DefaultDirectory()];
            var check = WorkflowCheck.Run(given);
            if (output.Json)
            {
                output.WriteJson(new
                {
                    valid = check.Problems.Count == 0,
                    files = check.Files.Select(Text.Path),
                    workflows = check.Workflows.Select(w => new { id = w.Id, version = w.Version, title = w.Title }),
                    problems = check.Problems.Select(x => new { file = Text.Path(x.File), step = x.StepId, jsonPath = x.JsonPath, message = x.Message }),
                });
            }
            else if (check.Problems.Count == 0)
            {
                output.Line($"{Text.Count(check.Files.Count, "file", "files")} valid: " +
                    Text.List(check.Workflows.Select(w => $"{w.Id} v{w.Version}")));
            }
            else
            {
                foreach (var problem in check.Problems) output.Line((problem with { File = Text.Path(problem.File) }).ToString());
                output.Error.WriteLine($"{Text.Count(check.Problems.Count, "problem", "problems")} in " +
                    $"{check.Problems.Select(x => x.File).Distinct().Count()} of {Text.Count(check.Files.Count, "file", "files")}");
            }
            return Task.FromResult(check.Problems.Count == 0 ? ExitCodes.Ok : ExitCodes.Failed);
        }));
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "Published procedure versions in the database, with their active referrals");
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            var context = await CliContext.OpenAsync(parse, output, ct);
            await using var db = context.OpenDb();
            var workflows = await WorkflowQueries.ListPublishedAsync(db, ct);
            if (output.Json) output.WriteJson(workflows);
            else if (workflows.Count == 0) output.Line("No workflows are published.");
            else
                output.Table(["WORKFLOW", "VERSION", "ACTIVE", "PUBLISHED", "TITLE"], workflows.Select(w => (IReadOnlyList<string>)
                    [w.Id, $"v{w.Version}", w.ActiveReferrals.ToString(), Text.Time(w.PublishedAt), w.Title]));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
