using System.CommandLine;
using System.Text.Json;
using ReferralFlow.Core.Audit;
using ReferralFlow.Core.Export;

namespace ReferralFlow.Cli.Commands;

/// <summary><c>referrals export REF --purpose P [--out FILE]</c>: the referral's whole record as JSON, audited.</summary>
internal static class ReferralExportCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create()
    {
        var id = new Argument<string>("referral") { Description = "Id or case code of the referral" };
        var purpose = new Option<string>("--purpose") { Description = "Why the record leaves the system", Required = true, HelpName = "purpose" };
        purpose.AcceptOnlyFromAmong([.. ExportPurposes.All]);
        var file = new Option<string?>("--out") { Description = "Write to this new file instead of standard output (never through a symbolic link)", HelpName = "file.json" };
        var force = new Option<bool>("--force") { Description = "Replace the --out file when it exists" };
        var leaveOut = new Option<string[]>("--leave-out-form")
        {
            Description = "A transfer only: leave this form out (it travels as a separate document); the export lists it. Repeatable",
            HelpName = "form", AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("export", "The referral's record as JSON (HTCDS field names), with the sections its purpose carries: the whole record for an access request or a legal order; case, person, consents, forms and records for a transfer")
        {
            id, purpose, file, force, leaveOut,
        };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            if (parse.GetValue(file) is { } target) ExportTarget.Check(target, parse.GetValue(force));
            var context = await CliContext.OpenAsync(parse, output, ct);
            var referralId = await context.ReferralIdAsync(parse.GetValue(id)!, ct);
            await using var db = context.OpenDb();
            var document = await ReferralExport.ExportAsync(db, context.Protector, referralId,
                RecordOptions.Operator, parse.GetValue(purpose)!, context.Clock.GetUtcNow(), ct,
                [.. (parse.GetValue(leaveOut) ?? []).Select(f => f.Trim())]);
            var json = document.ToJsonString(Indented);
            if (parse.GetValue(file) is { } path)
            {
                // The file holds the person's data in clear: readable by its owner only.
                await ExportTarget.WriteAsync(path, json + Environment.NewLine, parse.GetValue(force), ct);
                output.Line($"Exported the record of {document["case"]?["caseCode"]} to {path} (audited).");
            }
            else output.Out.WriteLine(json);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
