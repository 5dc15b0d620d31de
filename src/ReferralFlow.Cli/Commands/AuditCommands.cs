using System.CommandLine;
using ReferralFlow.Cli.Output;
using ReferralFlow.Core.Audit;

namespace ReferralFlow.Cli.Commands;

/// <summary><c>audit verify</c> and <c>audit list</c>.</summary>
internal static class AuditCommands
{
    public static Command Create() => new("audit", "The hash-chained audit trail of personal data") { Verify(), List() };

    private static Command Verify()
    {
        var command = new Command("verify", "Check the audit chain; name the first broken entry (exit 1) if it is not intact");
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            var context = await CliContext.OpenAsync(parse, output, ct);
            await using var db = context.OpenDb();
            var result = await AuditVerification.VerifyAsync(db, ct);
            if (output.Json)
                output.WriteJson(new { result.Intact, result.Entries, firstBreak = result.FirstBreak });
            else if (result.FirstBreak is { } broken)
                output.Error.WriteLine($"error: audit chain broken at entry {broken.Sequence}: {broken.Problem} " +
                    $"({Text.Count((int)result.Entries, "entry", "entries")} before it are intact)");
            else
                output.Line($"audit chain intact: {result.Entries} entries");
            return result.Intact ? ExitCodes.Ok : ExitCodes.Failed;
        }));
        return command;
    }

    private static Command List()
    {
        var referral = new Option<string?>("--referral") { Description = "Only the entries of this referral (id or case code)", HelpName = "referral" };
        var command = new Command("list", "Audit entries in chain order") { referral };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            var context = await CliContext.OpenAsync(parse, output, ct);
            Guid? referralId = parse.GetValue(referral) is { } reference ? await context.ReferralIdAsync(reference, ct) : null;
            await using var db = context.OpenDb();
            var entries = await AuditQueries.ListAsync(db, referralId, ct);
            if (output.Json) output.WriteJson(entries);
            else if (entries.Count == 0) output.Line("No audit entries.");
            else
                output.Table(["SEQ", "AT", "ACTOR", "SOURCE", "ACTION", "CASE", "SUBJECT", "DETAIL"], entries.Select(e => (IReadOnlyList<string>)
                    [e.Sequence.ToString(), Text.Time(e.At), e.Actor, e.Source, e.Action,
                     Text.Or(e.CaseCode ?? e.ReferralId?.ToString()), e.Subject, Text.Or(e.Detail)]));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
