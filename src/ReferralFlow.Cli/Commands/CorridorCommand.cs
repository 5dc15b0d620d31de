using System.CommandLine;
using ReferralFlow.Cli.Output;
using ReferralFlow.Core.Corridor;

namespace ReferralFlow.Cli.Commands;

/// <summary><c>referrals corridor REFERRAL [--origin XX|unknown] [--transit XX ...|--no-transit] [--destination XX]</c>: the
/// corridor learnt or corrected during the case; what is not given stays as it is.</summary>
internal static class CorridorCommand
{
    public static Command Create()
    {
        var id = ReferralsCommands.ReferralArgument();
        var origin = new Option<string?>("--origin") { Description = "The person's country of origin (ISO 3166 alpha-2), or 'unknown'", HelpName = "XX" };
        var transit = new Option<string[]>("--transit")
        {
            Description = "The countries passed through, in order; replaces the list (repeat, or separate with commas)", HelpName = "XX",
        };
        var noTransit = new Option<bool>("--no-transit") { Description = "The person passed through no other country: clears the list" };
        var destination = new Option<string?>("--destination") { Description = "The destination country, where the person was found", HelpName = "XX" };
        var command = new Command("corridor", "Change a referral's corridor (origin → transit → destination), with history and audit; " +
            "directory queries and conditions waiting on the origin run again") { id, origin, transit, noTransit, destination };
        command.Validators.Add(result =>
        {
            if (result.GetValue(noTransit) && result.GetValue(transit) is { Length: > 0 })
                result.AddError("Give either --transit or --no-transit, not both.");
        });
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            var given = parse.GetValue(transit) is { Length: > 0 } list
                ? list.SelectMany(t => t.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList()
                : parse.GetValue(noTransit) ? [] : null;
            var input = new CorridorChangeInput(parse.GetValue(origin), given, parse.GetValue(destination));
            var context = await CliContext.OpenAsync(parse, output, ct);
            var referralId = await context.ReferralIdAsync(parse.GetValue(id)!, ct);
            var changed = await CorridorChange.ChangeAsync(context.Runtime, referralId, input, RecordOptions.Operator, ct);
            if (output.Json)
                output.WriteJson(new
                {
                    id = changed.ReferralId, changed.CaseCode, from = Json(changed.From), to = Json(changed.To), changed.IncidentsRetried,
                });
            else
            {
                output.Line($"{changed.CaseCode}: corridor {changed.From} changed to {changed.To}.");
                if (changed.IncidentsRetried > 0)
                    output.Line($"{changed.IncidentsRetried} step(s) waiting on the corridor ran again; see 'referralflow referrals show {changed.CaseCode}'.");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static object Json(CorridorRoute route) => new { origin = route.Origin, transit = route.Transit, destination = route.Destination };
}
