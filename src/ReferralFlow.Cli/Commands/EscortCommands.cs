using System.CommandLine;
using ReferralFlow.Cli.Output;
using ReferralFlow.Core.Escort;
using ReferralFlow.Core.Protection;

namespace ReferralFlow.Cli.Commands;

/// <summary><c>escort leg | plan</c>: the escorted journey, leg by leg (issue 4 §4).</summary>
internal static class EscortCommands
{
    public static Command Create() => new("escort", "The escort plan: legs, modes, times and escorting organisations") { Leg(), Plan() };

    private static Command Leg()
    {
        var referral = RecordOptions.Referral();
        var from = RecordOptions.Text("--from", "Where the leg starts (shelter, consulate, airport …; never an address)");
        var to = RecordOptions.Text("--to", "Where the leg ends");
        var mode = RecordOptions.Text("--mode", $"How: {string.Join(", ", TravelModes.All)}");
        var departs = RecordOptions.Time("--departs", "Date and time of departure (UTC)", required: true);
        var escort = RecordOptions.Text("--escort", "Escorting organisation: a directory key, or its name");
        var contact = RecordOptions.Text("--contact", "The escort's contact (stored encrypted)", required: false);
        var limit = new Option<int?>("--pregnancy-limit")
        {
            Description = $"Pregnancy week from which airlines refuse to fly (default {AirTravelLimits.DefaultPregnancyWeeks}, or ${AirTravelLimits.Variable})",
            HelpName = "weeks",
        };
        var command = new Command("leg", "Add a leg to the escort plan") { referral, from, to, mode, departs, escort, contact, limit };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            var limits = parse.GetValue(limit) is { } weeks
                ? weeks is > 0 and < 45 ? new AirTravelLimits(weeks) : throw new Core.ReferralFlowException("--pregnancy-limit must be between 1 and 44 weeks.")
                : AirTravelLimits.FromEnvironment();
            var context = await CliContext.OpenAsync(parse, output, ct);
            await using var db = context.OpenDb();
            // The risk assessment's pregnancy record is wired in when that record lands (IPregnancyRecord).
            var plan = new EscortPlan(db, context.Protector, new AssessedPregnancy(context.Protector), limits, RecordOptions.Operator, context.Clock.GetUtcNow());
            var leg = await plan.AddLegAsync(parse.GetValue(referral)!, new LegInput(parse.GetValue(from)!, parse.GetValue(to)!,
                parse.GetValue(mode)!, parse.GetValue(departs)!.Value, parse.GetValue(escort)!, parse.GetValue(contact)), ct);
            if (output.Json) output.WriteJson(new { id = leg.Id, leg.From, leg.To, leg.Mode, leg.DepartsAt });
            else output.Line($"Planned the {leg.Mode} leg {leg.From} → {leg.To} on {Text.Time(leg.DepartsAt)} (leg {leg.Id}).");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Plan()
    {
        var referral = RecordOptions.Referral();
        var contacts = new Option<bool>("--show-contacts") { Description = "Decrypt and show the escorts' contacts (each read is audited)" };
        var command = new Command("plan", "A referral's escort legs in order of departure") { referral, contacts };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            var context = await CliContext.OpenAsync(parse, output, ct);
            await using var db = context.OpenDb();
            var plan = new EscortPlan(db, context.Protector, new AssessedPregnancy(context.Protector), new AirTravelLimits(), RecordOptions.Operator, context.Clock.GetUtcNow());
            var legs = await plan.PlanAsync(parse.GetValue(referral)!, parse.GetValue(contacts), ct);
            if (output.Json) output.WriteJson(legs);
            else if (legs.Count == 0) output.Line("No escort legs planned.");
            else
                output.Table(["DEPARTS", "FROM", "TO", "MODE", "ESCORT", "CONTACT", "ID"], legs.Select(l => (IReadOnlyList<string>)
                    [Text.Time(l.DepartsAt), l.From, l.To, l.Mode, l.Escort, l.Contact ?? (l.HasContact ? "(recorded)" : "-"), l.Id.ToString()]));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
