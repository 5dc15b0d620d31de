using System.CommandLine;
using System.Globalization;
using ReferralFlow.Cli.Output;
using ReferralFlow.Core.Travel;

namespace ReferralFlow.Cli.Commands;

/// <summary><c>travel cost | fund | list</c>: the journey's costs and who pays them (issue 4 §4).</summary>
internal static class TravelCommands
{
    public static Command Create() => new("travel", "Travel costs and their funders; an unfunded cost alerts the coordinator") { Cost(), Fund(), List() };

    private static Command Cost()
    {
        var referral = RecordOptions.Referral();
        var item = RecordOptions.Text("--item", $"What the cost is for: {string.Join(", ", CostItems.All)}");
        var funder = RecordOptions.Text("--funder", $"Who pays: {string.Join(", ", Funders.All)}");
        var amount = new Option<decimal?>("--amount") { Description = "The amount, with --currency", HelpName = "amount" };
        var currency = RecordOptions.Text("--currency", "ISO 4217 currency of --amount (EUR)", required: false);
        var organisation = RecordOptions.Text("--funder-organisation", "The paying organisation's directory key (IOM office, partner NGO)", required: false);
        var command = new Command("cost", "Record a travel cost and who pays it") { referral, item, funder, amount, currency, organisation };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            var context = await CliContext.OpenAsync(parse, output, ct);
            await using var db = context.OpenDb();
            var cost = await new TravelCosts(db, RecordOptions.Operator.Name, context.Clock.GetUtcNow()).RecordAsync(parse.GetValue(referral)!,
                new CostInput(parse.GetValue(item)!, parse.GetValue(funder)!, parse.GetValue(amount), parse.GetValue(currency), parse.GetValue(organisation)), ct);
            Write(output, cost);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Fund()
    {
        var cost = new Argument<string>("cost") { Description = "Cost id (from 'travel list')" };
        var funder = RecordOptions.Text("--funder", $"Who pays now: {string.Join(", ", Funders.All)}");
        var organisation = RecordOptions.Text("--funder-organisation", "The paying organisation's directory key", required: false);
        var command = new Command("fund", "Change who pays a recorded cost (a funder found, or lost)") { cost, funder, organisation };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            var id = InputFiles.Id(parse.GetValue(cost)!, "travel cost", "referralflow travel list REFERRAL");
            var context = await CliContext.OpenAsync(parse, output, ct);
            await using var db = context.OpenDb();
            var changed = await new TravelCosts(db, RecordOptions.Operator.Name, context.Clock.GetUtcNow())
                .ChangeFunderAsync(id, parse.GetValue(funder)!, parse.GetValue(organisation), ct);
            Write(output, changed);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command List()
    {
        var referral = RecordOptions.Referral();
        var command = new Command("list", "A referral's travel costs and their funders") { referral };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            var context = await CliContext.OpenAsync(parse, output, ct);
            await using var db = context.OpenDb();
            var costs = await TravelCosts.ListAsync(db, parse.GetValue(referral)!, ct);
            if (output.Json) output.WriteJson(costs);
            else if (costs.Count == 0) output.Line("No travel costs recorded.");
            else
                output.Table(["ID", "ITEM", "AMOUNT", "FUNDER", "ESCALATED"], costs.Select(c => (IReadOnlyList<string>)
                    [c.Id.ToString(), c.Item, c.Amount is { } a ? $"{a.ToString("0.##", CultureInfo.InvariantCulture)} {c.Currency}" : "-",
                     c.FunderOrganisation is null ? c.Funder : $"{c.Funder} ({c.FunderOrganisation})", Text.Time(c.EscalatedAt)]));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static void Write(CliOutput output, TravelCost cost)
    {
        if (output.Json) output.WriteJson(new { id = cost.Id, cost.Item, cost.Funder, escalatedAt = cost.EscalatedAt });
        else output.Line(cost.IsUnfunded
            ? $"Recorded the {cost.Item} cost as UNFUNDED (cost {cost.Id}); the coordinator is alerted{(cost.EscalatedAt is { } at ? $" (since {Text.Time(at)})" : "")}."
            : $"Recorded the {cost.Item} cost, paid by {cost.Funder} (cost {cost.Id}).");
    }
}
