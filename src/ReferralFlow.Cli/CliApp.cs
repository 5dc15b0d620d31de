using System.CommandLine;
using System.CommandLine.Invocation;
using ReferralFlow.Cli.Commands;

namespace ReferralFlow.Cli;

/// <summary>The <c>referralflow</c> command line: builds the command tree and runs one invocation.</summary>
public static class CliApp
{
    /// <summary>Runs the CLI in-process (the tests do this); output goes to the given writers, never to the console.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = BuildRoot();
        var parse = root.Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            stderr.WriteLine(UsageError.Describe(parse));
            return ExitCodes.Usage;
        }
        return await parse.InvokeAsync(new InvocationConfiguration
        {
            Output = stdout,
            Error = stderr,
            // Every action reports its own failures in one line (CliAction); no stack traces.
            EnableDefaultExceptionHandler = false,
            // Ctrl-C and SIGTERM cancel the action's token (the worker then stops cleanly). A configuration
            // made here gets no handler at all unless this is set.
            ProcessTerminationTimeout = TimeSpan.FromSeconds(5),
        });
    }

    internal static RootCommand BuildRoot()
    {
        var root = new RootCommand("ReferralFlow: carries referrals of trafficked persons through their procedures.");
        GlobalOptions.AddTo(root);
        Command[] commands =
        [
            WorkflowsCommands.Create(),
            DbCommands.Create(),
            ReferralsCommands.Create(),
            TasksCommands.Create(),
            HandOffsCommands.Create(),
            PartnersCommands.Create(),
            ConsentCommands.Create(),
            DocumentsCommands.Create(),
            TravelCommands.Create(),
            EscortCommands.Create(),
            ArrivalCommands.Create(),
            MonitoringCommands.Create(),
            WorkerCommand.Create(),
            SimulateCommand.Create(),
            AuditCommands.Create(),
            UsersCommands.Create(),
            Bench.BenchCommand.Create(),
        ];
        foreach (var command in commands) root.Subcommands.Add(command);
        return root;
    }
}

internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Bad input, a problem found, or a database that cannot be reached.</summary>
    public const int Failed = 1;

    /// <summary>The command line itself is wrong (unknown command, missing argument).</summary>
    public const int Usage = 2;

    /// <summary>Stopped by Ctrl-C (128 + SIGINT), for commands that do not treat that as their normal end.</summary>
    public const int Interrupted = 130;
}
