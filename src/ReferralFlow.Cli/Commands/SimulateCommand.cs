using System.CommandLine;
using ReferralFlow.Core;
using ReferralFlow.Core.Definitions;
using ReferralFlow.Engine.Definitions;
using ReferralFlow.Engine.Simulation;

namespace ReferralFlow.Cli.Commands;

/// <summary><c>simulate</c>: a rehearsal of a procedure in memory on a virtual clock; no database.</summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var workflow = new Argument<string>("workflow") { Description = "Procedure id from the workflows folder, e.g. transnational-return" };
        var script = new Option<string?>("--script")
        {
            Description = "JSON script: start, input, horizon, and per step the answers (outcome, after, data, never)",
            HelpName = "file.json",
        };
        var command = new Command("simulate",
            "Rehearse a procedure on a virtual clock (by default every step answered with its expected outcome, on time) " +
            "and print the dated timeline; --now sets the day it starts") { workflow, script };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            var rehearsal = parse.GetValue(script) is { } path
                ? ParseScript(await InputFiles.ReadTextAsync(path, "--script", ct), path, output)
                : new SimulationScript();
            if (rehearsal is null) return ExitCodes.Failed;
            var directory = WorkflowFiles.DefaultDirectory();
            var load = DefinitionCatalog.LoadDirectory(directory);
            if (!load.IsValid)
                throw new ReferralFlowException($"The workflows in {directory} have {load.Problems.Count} problem(s); " +
                    $"run 'referralflow workflows validate' to list them. First: {load.Problems[0]}");
            SimulationResult result;
            try
            {
                result = new Simulator(load.Catalog, GlobalOptions.Read(parse).Clock).Run(parse.GetValue(workflow)!, rehearsal);
            }
            catch (SimulationScriptException e)
            {
                return Problems(output, e);
            }
            if (output.Json) output.WriteJson(result);
            else output.Out.Write(TimelineFormatter.Format(result));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static SimulationScript? ParseScript(string json, string path, Output.CliOutput output)
    {
        try
        {
            return SimulationScript.Parse(json, path);
        }
        catch (SimulationScriptException e)
        {
            Problems(output, e);
            return null;
        }
    }

    // Like 'workflows validate', a script's problems are listed all at once, one per line.
    private static int Problems(Output.CliOutput output, SimulationScriptException e)
    {
        foreach (var problem in e.Problems) output.Error.WriteLine($"error: {problem}");
        return ExitCodes.Failed;
    }
}
