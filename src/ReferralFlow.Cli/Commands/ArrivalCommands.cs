using System.CommandLine;
using ReferralFlow.Cli.Output;
using ReferralFlow.Core.Arrival;

namespace ReferralFlow.Cli.Commands;

/// <summary><c>arrival show</c>: expected and confirmed arrival (issue 4 §4).</summary>
internal static class ArrivalCommands
{
    public static Command Create() => new("arrival", "The arrival: expected time and place, and its confirmation") { Show() };

    private static Command Show()
    {
        var referral = RecordOptions.Referral();
        var command = new Command("show", "Expected arrival, the confirmation's deadline, and who confirmed what") { referral };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            var context = await CliContext.OpenAsync(parse, output, ct);
            await using var db = context.OpenDb();
            var arrival = await ArrivalRecord.ShowAsync(db, parse.GetValue(referral)!, ct);
            if (output.Json) { output.WriteJson(arrival); return ExitCodes.Ok; }
            output.Line($"{arrival.CaseCode}  arrival {arrival.Status}");
            Field(output, "expected", $"{Text.Time(arrival.Expected.At)} at {Text.Or(arrival.Expected.Place)}");
            Field(output, "due", $"confirmation due {Text.Time(arrival.Expected.ConfirmationDueAt)}");
            if (arrival.Confirmation is { } c)
            {
                Field(output, "answer", $"{c.Outcome} by {Text.Or(c.ConfirmedBy)} ({Text.Or(c.Channel)}) at {Text.Time(c.AnsweredAt)}");
                Field(output, "arrived", $"{Text.Time(c.ArrivedAt)} at {Text.Or(c.Place)}");
                Field(output, "handed to", Text.Or(c.HandedOverTo));
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static void Field(CliOutput output, string name, string value) => output.Line($"  {name,-9} {value}");
}
