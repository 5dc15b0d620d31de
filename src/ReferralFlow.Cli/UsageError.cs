using System.CommandLine;

namespace ReferralFlow.Cli;

/// <summary>One line for a command line that does not parse, pointing at the help of the command concerned.</summary>
internal static class UsageError
{
    public static string Describe(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var path = CommandPath(parse);
        var help = $"see '{path} --help'";
        // A group such as 'tasks' given alone or with an unknown subcommand.
        if (command.Subcommands.Count > 0 && command.Action is null)
        {
            var unknown = parse.UnmatchedTokens.FirstOrDefault();
            var choices = string.Join(", ", command.Subcommands.Select(c => c.Name));
            return unknown is null
                ? $"error: '{path}' needs a command: {choices}; {help}"
                : $"error: unknown command '{unknown}' for '{path}'; choose one of: {choices}; {help}";
        }
        return $"error: {string.Join("; ", parse.Errors.Select(e => OneLine(e.Message)).Distinct())}; {help}";
    }

    // Some messages list the allowed values one per line.
    private static string OneLine(string message) =>
        string.Join(" ", message.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).TrimEnd('.');

    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
            names.Insert(0, result.Command.Name);
        return string.Join(" ", ["referralflow", .. names]);
    }
}
