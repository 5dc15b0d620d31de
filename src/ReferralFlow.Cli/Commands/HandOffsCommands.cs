using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Cli.Output;
using ReferralFlow.Core;
using ReferralFlow.Core.Audit;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.Mail;
using ReferralFlow.Core.Protection;
using ReferralFlow.Core.Queries;
using ReferralFlow.Core.Replies;

namespace ReferralFlow.Cli.Commands;

/// <summary><c>handoffs list | show | answer | progress</c>: requests to partners, their timelines, and what staff
/// record on a partner's behalf.</summary>
internal static class HandOffsCommands
{

    public static Command Create() => new("handoffs", "Requests to partner organisations and their answers") { List(), Show(), Answer(), Progress() };

    private static Command List()
    {
        var referral = new Option<string?>("--referral") { Description = "Only the hand-offs of this referral (id or case code)", HelpName = "referral" };
        var all = new Option<bool>("--all") { Description = "Also answered, expired and cancelled hand-offs" };
        var command = new Command("list", "Hand-offs awaiting a partner's answer, the most urgent first") { referral, all };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            var context = await CliContext.OpenAsync(parse, output, ct);
            Guid? referralId = parse.GetValue(referral) is { } reference ? await context.ReferralIdAsync(reference, ct) : null;
            await using var db = context.OpenDb();
            var handOffs = await HandOffQueries.ListAsync(db, referralId, parse.GetValue(all), ct);
            if (output.Json) output.WriteJson(handOffs);
            else if (handOffs.Count == 0) output.Line(parse.GetValue(all) ? "No hand-offs." : "No hand-offs awaiting an answer.");
            else
                output.Table(["ID", "CASE", "STEP", "PARTNER", "STATUS", "DUE", "OUTCOMES", "DELIVERY"], handOffs.Select(h => (IReadOnlyList<string>)
                    [h.Id.ToString(), h.CaseCode, h.Step, h.Partner, HandOffText.Status(h),
                     Text.Time(h.DueAt), Text.List(h.Outcomes), Delivery(h.Delivery)]));
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>"queued", "queued, retry 2027-01-04 09:05: ..." , "sent 2027-01-04 09:00", "failed: ...",
    /// "not needed: ...", "held: consent needed since 2027-01-04 09:00", or "-" without a message.</summary>
    internal static string Delivery(HandOffDelivery? delivery) => delivery switch
    {
        null => "-",
        { Status: DeliveryStatus.Held } => $"held: {delivery.Reason} since {Text.Time(delivery.At)}",
        { Status: DeliveryStatus.Sent } => $"sent {Text.Time(delivery.At)}",
        { Status: DeliveryStatus.Failed } => $"failed: {Text.Or(delivery.LastError)}",
        { Status: DeliveryStatus.NotNeeded } => $"not needed: {Text.Or(delivery.LastError)}",
        { LastError: { } error } => $"queued, retry {Text.Time(delivery.At)}: {error}",
        _ => DeliveryStatus.Queued,
    };

    private static Command Answer()
    {
        var handOff = new Argument<string>("handoff") { Description = "Hand-off id (from 'handoffs list')" };
        var outcome = new Option<string>("--outcome") { Description = "The partner's answer: one of the hand-off's outcomes", Required = true, HelpName = "outcome" };
        var data = new Option<string?>("--data") { Description = "JSON object of the variables the step sets", HelpName = "file.json" };
        var channel = new Option<string>("--channel")
        {
            Description = "How the answer reached you",
            DefaultValueFactory = _ => HandOffChannels.Email,
            HelpName = "channel",
        };
        channel.AcceptOnlyFromAmong(HandOffChannels.Phone, HandOffChannels.InPerson, HandOffChannels.Email);
        var command = new Command("answer", "Record a partner's answer given by phone, in person or by e-mail") { handOff, outcome, data, channel };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            var handOffId = InputFiles.Id(parse.GetValue(handOff)!, "hand-off", "referralflow handoffs list");
            var values = await InputFiles.ReadObjectAsync(parse.GetValue(data), "--data", ct);
            var context = await CliContext.OpenAsync(parse, output, ct);
            var chosen = parse.GetValue(outcome)!;
            await context.Runtime.AnswerHandOffAsync(handOffId, chosen, values, RecordOptions.Operator, parse.GetValue(channel)!, ct);
            await using var db = context.OpenDb();
            var row = await db.HandOffs.Where(h => h.Id == handOffId).Select(h => new { h.ReferralId, h.StepId }).SingleAsync(ct);
            await StepResult.WriteAsync(context, (row.ReferralId, row.StepId), handOffId, chosen, "recorded the answer to", ct);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Show()
    {
        var handOff = new Argument<string>("handoff") { Description = "Hand-off id (from 'handoffs list')" };
        var notes = new Option<bool>("--notes") { Description = "Also decrypt and print staff notes (the read is audited)" };
        var answer = new Option<bool>("--answer") { Description = "Also decrypt and print what the partner typed on the reply page (the read is audited)" };
        var command = new Command("show", "A hand-off with its sub-status and timeline: every change, when and by whom") { handOff, notes, answer };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            var handOffId = InputFiles.Id(parse.GetValue(handOff)!, "hand-off", "referralflow handoffs list");
            var context = await CliContext.OpenAsync(parse, output, ct);
            await using var db = context.OpenDb();
            var details = await HandOffQueries.ShowAsync(db, handOffId, ct)
                ?? throw new ReferralFlowException($"No hand-off {handOffId}; list them with 'referralflow handoffs list --all'.");
            if (parse.GetValue(notes))
                details = await HandOffNotes.ReadAsync(db, details, context.Protector, RecordOptions.Operator,
                    context.Clock.GetUtcNow(), ct);
            var typed = parse.GetValue(answer)
                ? await ReplyAnswerReads.ForHandOffAsync(db, context.Protector, handOffId, RecordOptions.Operator, context.Clock.GetUtcNow(), ct)
                : null;
            if (output.Json && typed is not null) output.WriteJson(new { details.HandOff, details.Events, answer = typed });
            else if (output.Json) output.WriteJson(details);
            else HandOffText.Write(output, details, parse.GetValue(answer), typed);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Progress()
    {
        var handOff = new Argument<string>("handoff") { Description = "Hand-off id (from 'handoffs list')" };
        var subStatus = new Option<string>("--sub-status")
        {
            Description = $"The progress: {string.Join(", ", HandOffSubStatuses.All)}", Required = true, HelpName = "sub-status",
        };
        var note = new Option<string?>("--note") { Description = "A short note; stored encrypted", HelpName = "text" };
        var channel = new Option<string?>("--channel")
        {
            Description = $"How the news reached you ({string.Join(", ", HandOffProgress.StaffChannels)}); omit when you saw it yourself",
            HelpName = "channel",
        };
        var command = new Command("progress", "Record progress on an open hand-off (documents pending, in transit, handed over)")
        {
            handOff, subStatus, note, channel,
        };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            var handOffId = InputFiles.Id(parse.GetValue(handOff)!, "hand-off", "referralflow handoffs list");
            var context = await CliContext.OpenAsync(parse, output, ct);
            var text = parse.GetValue(note);
            var progress = new HandOffProgress(context.OpenDb, context.Clock,
                string.IsNullOrWhiteSpace(text) ? null : context.Protector);
            var recorded = await progress.RecordAsync(
                new ProgressReport(handOffId, parse.GetValue(subStatus)!, parse.GetValue(channel), text), RecordOptions.Operator, ct);
            await using var db = context.OpenDb();
            var details = (await HandOffQueries.ShowAsync(db, handOffId, ct))!;
            if (output.Json) output.WriteJson(new { id = handOffId, details.HandOff.CaseCode, details.HandOff.Status, details.HandOff.SubStatus, @event = recorded.Id });
            else output.Line($"Recorded '{details.HandOff.SubStatus}' on '{details.HandOff.Step}' of {details.HandOff.CaseCode}: " +
                $"now {HandOffText.Status(details.HandOff)}.");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
