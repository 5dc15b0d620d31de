using System.CommandLine;
using System.Globalization;
using ReferralFlow.Cli.Output;
using ReferralFlow.Core;
using ReferralFlow.Core.Consent;
using ReferralFlow.Engine.Definitions;

namespace ReferralFlow.Cli.Commands;

/// <summary><c>consent record | list | withdraw</c>: the person's consents per recipient organisation and purpose,
/// which decide whether a partner request may go out.</summary>
internal static class ConsentCommands
{

    public static Command Create() => new("consent", "Record, list and withdraw the person's consents to share their case") { Record(), VitalInterestsCommand(), List(), Withdraw() };

    private static Command Record()
    {
        var referral = new Argument<string>("referral") { Description = "Referral id or case code (RF-2027-7KQ3M)" };
        var recipient = new Option<string>("--recipient") { Description = "Directory id of the organisation (from 'partners list')", Required = true, HelpName = "organisation" };
        var purpose = new Option<string>("--purpose") { Description = $"What the consent is for: {string.Join(", ", ConsentPurposes.All)}", Required = true, HelpName = "purpose" };
        var form = new Option<string>("--form") { Description = $"How it was given: {string.Join(", ", ConsentForms.All)}", Required = true, HelpName = "form" };
        var givenBy = new Option<string>("--given-by") { Description = $"Who gave it (a role, never a name): {string.Join(", ", ConsentGivers.All)}", Required = true, HelpName = "role" };
        var cosigned = new Option<bool>("--guardian-cosigned") { Description = "The appointed guardian co-signed (needed for a child's consent)" };
        var given = new Option<string?>("--given") { Description = "The day it was given (default: today)", HelpName = "yyyy-mm-dd" };
        var expires = new Option<string?>("--expires") { Description = "The last day it holds (default: until withdrawn)", HelpName = "yyyy-mm-dd" };
        var command = new Command("record", "Record a consent; requests held for that recipient and purpose go out")
            { referral, recipient, purpose, form, givenBy, cosigned, given, expires };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            var givenOn = Day(parse.GetValue(given), "--given");
            var expiresOn = Day(parse.GetValue(expires), "--expires");
            var context = await CliContext.OpenAsync(parse, output, ct);
            var referralId = await context.ReferralIdAsync(parse.GetValue(referral)!, ct);
            var recorded = await ConsentRecording.RecordAsync(context.OpenDb, context.Clock, new ConsentInput(
                referralId, parse.GetValue(recipient)!, parse.GetValue(purpose)!.Trim(), parse.GetValue(form)!.Trim(),
                parse.GetValue(givenBy)!.Trim(), parse.GetValue(cosigned), givenOn, expiresOn), RecordOptions.Operator, ct);
            if (output.Json)
                output.WriteJson(new
                {
                    recorded.Id, recorded.CaseCode, recipient = recorded.Organisation.Key, recorded.Purpose, released = recorded.Released,
                });
            else
                output.Line($"Recorded consent {recorded.Id} of {recorded.CaseCode}: '{recorded.Purpose}' to {ConsentCoverage.Describe(recorded.Organisation)}" +
                    (recorded.Released == 0 ? "." : $"; {Text.Count(recorded.Released, "held request", "held requests")} released for delivery."));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command VitalInterestsCommand()
    {
        var referral = new Argument<string>("referral") { Description = "Referral id or case code (RF-2027-7KQ3M)" };
        var recipient = new Option<string>("--recipient") { Description = "Directory id of the organisation (from 'partners list')", Required = true, HelpName = "organisation" };
        var purpose = new Option<string>("--purpose") { Description = $"What is shared: {string.Join(", ", ConsentPurposes.All)}", Required = true, HelpName = "purpose" };
        var reason = new Option<string>("--reason") { Description = $"Why consent cannot be had: {string.Join(", ", VitalInterestReasons.All)}", Required = true, HelpName = "reason" };
        var coordinator = new Option<string>("--coordinator") { Description = "E-mail of the coordinator who decides (a user with the coordinator role of the referral's organisation)", Required = true, HelpName = "email" };
        var command = new Command("vital-interests", "Share the case without consent when the person cannot give it (GDPR art. 9(2)(c)): " +
            "a coordinator's decision, audited and shown on the case until the person's own consent is recorded")
            { referral, recipient, purpose, reason, coordinator };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            var context = await CliContext.OpenAsync(parse, output, ct);
            var referralId = await context.ReferralIdAsync(parse.GetValue(referral)!, ct);
            var decided = await VitalInterests.DecideAsync(context.OpenDb, context.Clock, new VitalInterestsInput(
                referralId, parse.GetValue(recipient)!, parse.GetValue(purpose)!.Trim(), parse.GetValue(reason)!.Trim(),
                await context.UserIdAsync(parse.GetValue(coordinator)!, ct)), RecordOptions.Operator, ct);
            if (output.Json)
                output.WriteJson(new { decided.Id, decided.CaseCode, recipient = decided.Organisation.Key, decided.Purpose, released = decided.Released });
            else
                output.Line($"Recorded the vital interests decision {decided.Id} of {decided.CaseCode}: '{decided.Purpose}' to " +
                    $"{ConsentCoverage.Describe(decided.Organisation)}" +
                    (decided.Released == 0 ? "" : $"; {Text.Count(decided.Released, "held request", "held requests")} released for delivery") +
                    ". Record the person's own consent as soon as they can give it.");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command List()
    {
        var referral = new Argument<string>("referral") { Description = "Referral id or case code (RF-2027-7KQ3M)" };
        var command = new Command("list", "The consents that count for a referral (its own and those of the referral it was started from)") { referral };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            var context = await CliContext.OpenAsync(parse, output, ct);
            var referralId = await context.ReferralIdAsync(parse.GetValue(referral)!, ct);
            await using var db = context.OpenDb();
            var consents = await ConsentList.OfAsync(db, referralId, context.Clock.GetUtcNow(), ct);
            if (output.Json) output.WriteJson(consents);
            else if (consents.Count == 0) output.Line("No consents recorded; record one with 'referralflow consent record'.");
            else
                output.Table(["ID", "CASE", "RECIPIENT", "PURPOSE", "FORM", "GIVEN BY", "GIVEN", "EXPIRES", "STATUS"], consents.Select(c => (IReadOnlyList<string>)
                    [c.Id.ToString(), c.CaseCode, c.Recipient, c.Purpose, c.Form, c.GivenBy + (c.GuardianCosigned ? " +guardian" : ""),
                     Date(c.GivenOn), c.ExpiresOn is { } last ? Date(last) : "-",
                     c.Status + (c.VitalInterestReason is { } vital ? $" ({vital})" : "") + (c.WithdrawalReason is { } reason ? $" ({reason})" : "")]));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Withdraw()
    {
        var consent = new Argument<string>("consent") { Description = "Consent id (from 'consent list')" };
        var reason = new Option<string>("--reason") { Description = $"Why: {string.Join(", ", WithdrawalReasons.All)}", Required = true, HelpName = "reason" };
        var command = new Command("withdraw", "Withdraw a consent: open requests it covered are cancelled and the recipient told") { consent, reason };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            var consentId = InputFiles.Id(parse.GetValue(consent)!, "consent", "referralflow consent list REFERRAL");
            var context = await CliContext.OpenAsync(parse, output, ct);
            var withdrawn = await ConsentWithdrawal.WithdrawAsync(context.OpenDb, context.Runtime.Library, context.Clock,
                consentId, parse.GetValue(reason)!.Trim(), RecordOptions.Operator, ct);
            if (output.Json) output.WriteJson(withdrawn);
            else
                output.Line($"Withdrew consent {withdrawn.Id} of {withdrawn.CaseCode} ('{withdrawn.Purpose}' to {withdrawn.Organisation}); " +
                    $"{Text.Count(withdrawn.Cancelled, "open request", "open requests")} cancelled" +
                    (withdrawn.Cancelled > 0 ? " (see the incidents: 'referralflow referrals show')" : "") +
                    (withdrawn.Notified ? "; the organisation is told." : "; the organisation plays no role in the referral, so no notice."));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static DateOnly? Day(string? text, string option) =>
        text is null ? null
            : DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
            : throw new ReferralFlowException($"{option} '{text}' is not a date: write it as yyyy-mm-dd, e.g. 2027-03-31.");

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
