using System.CommandLine;
using ReferralFlow.Cli.Output;
using ReferralFlow.Core.Definitions;

namespace ReferralFlow.Cli.Commands;

/// <summary><c>db migrate</c>.</summary>
internal static class DbCommands
{
    public static Command Create() => new("db", "Set up the database") { Migrate() };

    private static Command Migrate()
    {
        var command = new Command("migrate", "Apply pending migrations and publish new versions from the workflows folder");
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            var context = CliContext.Unprepared(parse, output);
            var report = await DatabaseSetup.EnsureReadyAsync(
                context.OpenDb, () => context.Protector, WorkflowFiles.DefaultDirectory(), context.Clock.GetUtcNow(), ct);
            var database = Failures.Target(context.ConnectionString);
            if (output.Json)
            {
                output.WriteJson(new { database, report.Applied, report.Published, workflows = report.WorkflowsDirectory, report.ProtectedAnswers });
                return ExitCodes.Ok;
            }
            output.Line($"database   {database}");
            output.Line($"workflows  {Text.Path(report.WorkflowsDirectory)}");
            foreach (var migration in report.Applied) output.Line($"applied    {migration}");
            foreach (var workflow in report.Published) output.Line($"published  {workflow}");
            if (report.ProtectedAnswers > 0) output.Line($"encrypted  {report.ProtectedAnswers} reply answer(s) an older version stored in clear");
            if (report.Applied.Count == 0 && report.Published.Count == 0 && report.ProtectedAnswers == 0)
                output.Line("Up to date: no pending migration, every workflow already published.");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
