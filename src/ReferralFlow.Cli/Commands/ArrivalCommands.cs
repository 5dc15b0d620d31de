using System.CommandLine;
using ReferralFlow.Cli.Output;
using ReferralFlow.Core.Arrival;
using ReferralFlow.Core.HandOffs;

namespace ReferralFlow.Cli.Commands;

/// <summary><c>arrival show | confirm</c>: expected and confirmed arrival (issue 4 §4).</summary>
internal static class ArrivalCommands
{
    public static Command Create() => new("arrival", "The arrival: expected time and place, and its confirmation") { Show(), Confirm() };

    private static Command Confirm()
    {
        var referral = RecordOptions.Referral();
        var arrivedAt = RecordOptions.Time("--arrived-at", "When the person arrived (UTC)", required: true);
        var place = RecordOptions.Text("--place", "Where: airport, station, border crossing, office (never an address)");
        var handedOverTo = RecordOptions.Text("--handed-over-to", "Who took the person over: organisation and role");
        var by = RecordOptions.Text("--by", "Who confirmed: organisation and role");
        var comment = RecordOptions.Text("--comment", "Anything else the receiving side said (no names)", required: false);
        var channel = new Option<string>("--channel") { Description = "How the confirmation reached you", DefaultValueFactory = _ => HandOffChannels.Phone, HelpName = "channel" };
        channel.AcceptOnlyFromAmong(HandOffChannels.Phone, HandOffChannels.InPerson, HandOffChannels.Email);
        var command = new Command("confirm", "Record an arrival the receiving side confirmed by phone, in person or by e-mail")
        {
            referral, arrivedAt, place, handedOverTo, by, comment, channel,
        };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            var context = await CliContext.OpenAsync(parse, output, ct);
            var confirmed = await new ArrivalConfirmations(context.Runtime, RecordOptions.Operator, context.Clock).ConfirmAsync(parse.GetValue(referral)!,
                new ConfirmationInput(parse.GetValue(arrivedAt)!.Value, parse.GetValue(place)!, parse.GetValue(handedOverTo)!, parse.GetValue(by)!,
                    parse.GetValue(channel)!, parse.GetValue(comment)), ct);
            if (output.Json) output.WriteJson(confirmed);
            else output.Line($"Recorded the arrival at {confirmed.Place} on {Text.Time(confirmed.ArrivedAt)}, handed over to {confirmed.HandedOverTo}.");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Show()
    {
        var referral = RecordOptions.Referral();
        var command = new Command("show", "Expected arrival, the confirmation's deadline, and who confirmed what (a reply-page answer is decrypted; the read is audited)") { referral };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            var context = await CliContext.OpenAsync(parse, output, ct);
            await using var db = context.OpenDb();
            var arrival = await ArrivalRecord.ShowAsync(db, context.Protector, parse.GetValue(referral)!, RecordOptions.Operator, context.Clock.GetUtcNow(), ct);
            if (output.Json) { output.WriteJson(arrival); return ExitCodes.Ok; }
            output.Line($"{arrival.CaseCode}  arrival {arrival.Status}");
            Field(output, "expected", $"{Text.Time(arrival.Expected.At)} at {Text.Or(arrival.Expected.Place)}");
            Field(output, "due", $"confirmation due {Text.Time(arrival.Expected.ConfirmationDueAt)}");
            if (arrival.Confirmation is { } c)
            {
                Field(output, "answer", $"{c.Outcome} by {Text.Or(c.ConfirmedBy)} ({Text.Or(c.Channel)}) at {Text.Time(c.AnsweredAt)}");
                Field(output, "arrived", $"{Text.Time(c.ArrivedAt)} at {Text.Or(c.Place)}");
                Field(output, "handed to", Text.Or(c.HandedOverTo));
                if (c.Comment is { Length: > 0 } comment) Field(output, "comment", comment);
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static void Field(CliOutput output, string name, string value) => output.Line($"  {name,-9} {value}");
}
