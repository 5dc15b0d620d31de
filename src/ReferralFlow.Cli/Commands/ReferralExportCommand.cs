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
        var file = new Option<string?>("--out") { Description = "Write to this file instead of standard output", HelpName = "file.json" };
        var command = new Command("export", "The referral's whole record as JSON (HTCDS field names), for a lawful hand-over or an access request")
        {
            id, purpose, file,
        };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            var context = await CliContext.OpenAsync(parse, output, ct);
            var referralId = await context.ReferralIdAsync(parse.GetValue(id)!, ct);
            await using var db = context.OpenDb();
            var document = await ReferralExport.ExportAsync(db, context.Protector, referralId,
                RecordOptions.Operator, parse.GetValue(purpose)!, context.Clock.GetUtcNow(), ct);
            var json = document.ToJsonString(Indented);
            if (parse.GetValue(file) is { } path)
            {
                await File.WriteAllTextAsync(path, json + Environment.NewLine, ct);
                // The file holds the person's data in clear: readable by its owner only.
                if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                output.Line($"Exported the record of {document["case"]?["caseCode"]} to {path} (audited).");
            }
            else output.Out.WriteLine(json);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
