using System.CommandLine;
using System.Globalization;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Protection;

namespace ReferralFlow.Cli;

/// <summary>The values every command takes: --db, --now and --json.</summary>
internal sealed record GlobalValues(string ConnectionString, DateTimeOffset? Now, bool Json, string KeysFolder)
{
    /// <summary>The pinned clock of --now, or the system clock.</summary>
    public TimeProvider Clock => Now is { } at ? new FixedClock(at) : TimeProvider.System;
}

/// <summary>
/// Options on the root command, recursive so they may be written before or after any subcommand. Commands
/// read them by name (<see cref="Read"/>), so a command file needs no reference to the root.
/// </summary>
internal static class GlobalOptions
{
    public const string Db = "--db";
    public const string Now = "--now";
    public const string Json = "--json";
    public const string Keys = "--keys";

    public static void AddTo(RootCommand root)
    {
        root.Options.Add(new Option<string?>(Db)
        {
            Description = $"Database connection string: a SQLite file or a PostgreSQL \"Host=...\" / postgres:// string " +
                $"(default: ${DatabaseProvider.EnvironmentVariable}, else {DatabaseProvider.DefaultConnectionString})",
            HelpName = "connection",
            Recursive = true,
        });
        root.Options.Add(new Option<DateTimeOffset?>(Now)
        {
            Description = "Pin the clock for this command, e.g. 2027-01-04T09:00:00Z (rehearsals on a copy of the data, tests)",
            HelpName = "ISO-8601",
            Recursive = true,
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                        DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
                    return at;
                result.AddError($"--now '{text}' is not an ISO-8601 date-time such as 2027-01-04T09:00:00Z");
                return null;
            },
        });
        root.Options.Add(new Option<bool>(Json) { Description = "Print machine-readable JSON", Recursive = true });
        root.Options.Add(new Option<string?>(Keys)
        {
            Description = $"Folder of the keys that encrypt the person's data and seal the audit trail (with its signed head), shared with the web app " +
                $"(default: ${DataFolder.KeysVariable}, else ${DataFolder.Variable}/keys, else ./data/keys)",
            HelpName = "folder",
            Recursive = true,
        });
    }

    public static GlobalValues Read(ParseResult parse) => new(
        DatabaseProvider.Resolve(parse.GetValue<string?>(Db)),
        parse.GetValue<DateTimeOffset?>(Now),
        parse.GetValue<bool>(Json),
        parse.GetValue<string?>(Keys) is { Length: > 0 } keys ? keys : DataFolder.KeysPath);
}
