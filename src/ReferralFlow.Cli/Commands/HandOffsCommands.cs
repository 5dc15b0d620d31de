using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Cli.Output;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.Mail;
using ReferralFlow.Core.Queries;

namespace ReferralFlow.Cli.Commands;

/// <summary><c>handoffs list</c> and <c>handoffs answer</c> (a partner's answer recorded by staff).</summary>
internal static class HandOffsCommands
{
    private const string Actor = "caseworker";

    public static Command Create() => new("handoffs", "Requests to partner organisations and their answers") { List(), Answer() };

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
                    [h.Id.ToString(), h.CaseCode, h.Step, h.Partner, h.Outcome is null ? h.Status : $"{h.Status}: {h.Outcome}",
                     Text.Time(h.DueAt), Text.List(h.Outcomes), Delivery(h.Delivery)]));
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>"queued", "queued, retry 2027-01-04 09:05: ..." , "sent 2027-01-04 09:00", "failed: ...", or "-" without a message.</summary>
    private static string Delivery(HandOffDelivery? delivery) => delivery switch
    {
        null => "-",
        { Status: DeliveryStatus.Sent } => $"sent {Text.Time(delivery.At)}",
        { Status: DeliveryStatus.Failed } => $"failed: {Text.Or(delivery.LastError)}",
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
            await context.Runtime.AnswerHandOffAsync(handOffId, chosen, values, Actor, parse.GetValue(channel)!, ct);
            await using var db = context.OpenDb();
            var row = await db.HandOffs.Where(h => h.Id == handOffId).Select(h => new { h.ReferralId, h.StepId }).SingleAsync(ct);
            await StepResult.WriteAsync(context, (row.ReferralId, row.StepId), handOffId, chosen, "recorded the answer to", ct);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
