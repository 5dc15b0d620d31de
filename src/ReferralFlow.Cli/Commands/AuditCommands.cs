using System.CommandLine;
using ReferralFlow.Cli.Output;
using ReferralFlow.Core.Audit;

namespace ReferralFlow.Cli.Commands;

/// <summary><c>audit verify</c> and <c>audit list</c>.</summary>
internal static class AuditCommands
{
    public static Command Create() => new("audit", "The audit trail of personal data: chained keyed hashes, its head anchored outside the database") { Verify(), List() };

    private static Command Verify()
    {
        var expectHead = new Option<AuditHead?>("--expect-head")
        {
            Description = "A head printed by an earlier 'audit verify' and kept outside the database: fail when that entry is gone or differs",
            HelpName = "SEQ:HASH",
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                if (AuditHead.TryParse(text) is { } head) return head;
                result.AddError($"--expect-head '{text}' is not SEQ:HASH as 'audit verify' prints it, e.g. 12:hmac:9f2c…");
                return null;
            },
        };
        var command = new Command("verify",
            "Check the audit chain (keyed hashes, sequence, links), compare its head with the signed checkpoint in the keys " +
            "folder and with --expect-head, and print the head to keep elsewhere; name the first problem (exit 1)")
        { expectHead };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            var context = await CliContext.OpenAsync(parse, output, ct);
            await using var db = context.OpenDb();
            var result = await AuditVerification.VerifyAsync(db, parse.GetValue(expectHead), ct);
            var checkpoint = result.Intact ? AuditVerification.Anchor(db, result) : result.Checkpoint;
            if (output.Json)
                output.WriteJson(new
                {
                    result.Intact, result.Entries, result.PlainEntries, head = result.Head?.ToString(),
                    checkpoint = new { path = result.CheckpointPath, head = checkpoint?.Head.ToString() },
                    firstBreak = result.FirstBreak,
                });
            else if (result.FirstBreak is { Sequence: 0 } unreadable)
                output.Error.WriteLine($"error: audit trail cannot be checked: {unreadable.Problem}");
            else if (result.FirstBreak is { } broken)
                output.Error.WriteLine($"error: audit chain broken at entry {broken.Sequence}: {broken.Problem} " +
                    $"({Text.Count((int)result.Entries, "entry", "entries")} before it are intact)");
            else
            {
                var plain = result.PlainEntries > 0 ? $" (the first {result.PlainEntries} sealed with the plain hash of an older version)" : "";
                output.Line($"audit chain intact: {result.Entries} entries{plain}");
                output.Line(result.Head is { } head ? $"head: {head}" : "head: none (no entries yet)");
                output.Line(checkpoint is null ? "checkpoint: none yet" : $"checkpoint: entry {checkpoint.Head.Sequence} in {result.CheckpointPath}");
            }
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
