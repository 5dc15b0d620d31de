using System.CommandLine;
using ReferralFlow.Cli.Output;
using ReferralFlow.Core.Partners;

namespace ReferralFlow.Cli.Commands;

/// <summary><c>partners gaps</c>: where the network has nobody for a service, as the directory queries of referrals found.</summary>
internal static class PartnershipGapsCommand
{
    public static Command Create()
    {
        var country = new Option<string?>("--country") { Description = "Only gaps in this country (ISO 3166 alpha-2)", HelpName = "XX" };
        country.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } code && !CountryCodes.IsKnown(code.ToUpperInvariant()))
                result.AddError($"--country '{code}' is not an ISO 3166 alpha-2 country code" +
                    (CountryCodes.Suggest(code) is { } meant ? $"; did you mean {meant}?" : " such as RO, DE or RS"));
        });
        var service = new Option<string?>("--service") { Description = "Only gaps for this service", HelpName = "service" };
        service.AcceptOnlyFromAmong([.. PartnerServices.All]);
        var command = new Command("gaps", "Partnership gaps: each time a referral's directory query found no active organisation " +
            "offering a service in a place (country, region, city, service, kind, date, case code), newest first") { country, service };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            var context = await CliContext.OpenAsync(parse, output, ct);
            await using var db = context.OpenDb();
            var gaps = await PartnershipGaps.ListAsync(db, parse.GetValue(country), parse.GetValue(service), ct);
            if (output.Json)
                output.WriteJson(gaps.Select(g => new { recordedAt = g.RecordedAt, g.Country, g.Region, g.City, g.Service, g.Kind, g.CaseCode, step = g.StepId }));
            else if (gaps.Count == 0)
                output.Line("No partnership gaps: every directory query so far found a partner.");
            else
                output.Table(["RECORDED", "COUNTRY", "REGION", "CITY", "SERVICE", "KIND", "CASE", "STEP"], gaps.Select(g => (IReadOnlyList<string>)
                    [Text.Time(g.RecordedAt), g.Country, Text.Or(g.Region), Text.Or(g.City), g.Service, g.Kind, g.CaseCode, g.StepId]));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
