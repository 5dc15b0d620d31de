using System.CommandLine;
using ReferralFlow.Cli.Output;

namespace ReferralFlow.Cli;

/// <summary>
/// Wraps a command's work so that every failure ends as one line on stderr and exit code 1, never a stack
/// trace. Use it for every action: <c>command.SetAction(CliAction.Run(async (parse, output, ct) =&gt; ...))</c>.
/// </summary>
internal static class CliAction
{
    public static Func<ParseResult, CancellationToken, Task<int>> Run(Func<ParseResult, CliOutput, CancellationToken, Task<int>> work) =>
        async (parse, ct) =>
        {
            var output = CliOutput.For(parse);
            try
            {
                return await work(parse, output, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                output.Error.WriteLine("error: interrupted; a change in progress was rolled back");
                return ExitCodes.Interrupted;
            }
            catch (Exception e)
            {
                output.Error.WriteLine(Failures.Describe(e, GlobalOptions.Read(parse).ConnectionString));
                if (Environment.GetEnvironmentVariable("REFERRALFLOW_DEBUG") is { Length: > 0 }) output.Error.WriteLine(e);
                return ExitCodes.Failed;
            }
        };
}
