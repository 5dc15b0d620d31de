using System.CommandLine;
using System.Text.Json.Nodes;
using ReferralFlow.Core.Reopening;

namespace ReferralFlow.Cli.Commands;

/// <summary><c>referrals reopen</c>: a closed referral continues on a court appearance (issue 4 §5).</summary>
internal static class ReopenCommand
{
    public static Command Create()
    {
        var referral = RecordOptions.Referral();
        var workflow = new Option<string>("--workflow") { Description = "The reopening procedure: court-appearance", Required = true, HelpName = "id" };
        var input = new Option<string?>("--input") { Description = "JSON object of the procedure's input variables", HelpName = "file.json" };
        var hearing = RecordOptions.Time("--hearing-at", "Date and time of the hearing (sets court.hearingAt)");
        var command = new Command("reopen", "Reopen a closed referral for a court appearance; its history stays") { referral, workflow, input, hearing };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            var values = new Dictionary<string, JsonNode?>(await InputFiles.ReadObjectAsync(parse.GetValue(input), "--input", ct));
            if (parse.GetValue(hearing) is { } at) values["court.hearingAt"] = JsonValue.Create(at.ToString("O"));
            var context = await CliContext.OpenAsync(parse, output, ct);
            var reopened = await new Reopening(context.Runtime, RecordOptions.Operator, context.Clock)
                .ReopenAsync(parse.GetValue(referral)!, parse.GetValue(workflow)!, values, ct);
            if (output.Json)
                output.WriteJson(new { reopened.ReferralId, reopened.CaseCode, reopened.ContinuationId, reopened.ContinuationCaseCode });
            else
            {
                output.Line($"Reopened {reopened.CaseCode}: it continues as {reopened.ContinuationCaseCode} on {parse.GetValue(workflow)} (id {reopened.ContinuationId}).");
                ReferralText.WriteOpenSteps(output, await context.ShowAsync(reopened.ContinuationId, ct));
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
