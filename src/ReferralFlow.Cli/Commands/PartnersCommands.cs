using System.CommandLine;
using ReferralFlow.Cli.Output;
using ReferralFlow.Core;
using ReferralFlow.Core.Definitions;
using ReferralFlow.Core.Partners;

namespace ReferralFlow.Cli.Commands;

/// <summary><c>partners import | export | list | assign | gaps</c>: the partner directory and who plays which role in a referral.</summary>
internal static class PartnersCommands
{
    // Who the history records for assignments made from the command line.

    public static Command Create() => new("partners", "The partner directory: organisations, contacts, agreements; partner roles of referrals")
    {
        Import(), Export(), List(), Assign(), PartnershipGapsCommand.Create(),
    };

    private static Command Import()
    {
        var file = new Argument<string>("file") { Description = "Directory file, YAML (.yaml, .yml) or JSON (.json); see partners/demo-directory.yaml" };
        var command = new Command("import", "Check a directory file as a whole and apply it in one transaction: all of it, or nothing " +
            "when any problem is found (each listed with its line and path). Organisations, contacts and agreements are matched " +
            "by their ids; an organisation's contacts and agreements become those listed") { file };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            var path = parse.GetValue(file)!;
            var format = DirectoryImport.FormatOf(path);
            if (!File.Exists(path)) throw new ReferralFlowException($"The directory file '{path}' does not exist; check the path.");
            var context = await CliContext.OpenAsync(parse, output, ct);
            await using var db = context.OpenDb();
            var result = await DirectoryImport.ImportAsync(db, await File.ReadAllTextAsync(path, ct), format, Text.Path(path), ct);
            if (output.Json)
                output.WriteJson(new
                {
                    applied = result.Applied, result.Created, result.Updated, result.Unchanged, result.Contacts, result.Agreements,
                    problems = result.Problems.Select(p => new { p.File, p.Line, p.Path, p.Message, severity = p.IsWarning ? "warning" : "error" }),
                });
            else
                foreach (var problem in result.Problems) output.Line(problem.ToString());
            if (!result.Applied)
            {
                output.Error.WriteLine($"{Text.Count(result.Errors.Count, "error", "errors")} in {Text.Path(path)}; nothing was imported");
                return ExitCodes.Failed;
            }
            if (!output.Json)
                output.Line($"Imported {Text.Path(path)}: {Text.Count(result.Created + result.Updated + result.Unchanged, "organisation", "organisations")} " +
                    $"({result.Created} new, {result.Updated} updated, {result.Unchanged} unchanged), " +
                    $"{Text.Count(result.Contacts, "contact", "contacts")}, {Text.Count(result.Agreements, "agreement", "agreements")}" +
                    (result.Warnings.Count > 0 ? $"; {Text.Count(result.Warnings.Count, "warning", "warnings")}" : "") + ".");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Export()
    {
        var format = new Option<string?>("--format") { Description = "yaml (default) or json; both import back", HelpName = "format" };
        format.AcceptOnlyFromAmong("yaml", "json");
        var command = new Command("export", "Print the whole directory in the import format, to edit and import again") { format };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            var json = parse.GetValue(format) is { } chosen ? chosen == "json" : output.Json;
            var context = await CliContext.OpenAsync(parse, output, ct);
            await using var db = context.OpenDb();
            output.Out.Write(await DirectoryExport.WriteAsync(db, json ? DirectoryFormat.Json : DirectoryFormat.Yaml, ct));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command List()
    {
        var country = new Option<string?>("--country") { Description = "ISO 3166 alpha-2 code, e.g. RO", HelpName = "XX" };
        country.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } code && !CountryCodes.IsKnown(code.ToUpperInvariant()))
                result.AddError($"--country '{code}' is not an ISO 3166 alpha-2 country code" +
                    (CountryCodes.Suggest(code) is { } meant ? $"; did you mean {meant}?" : " such as RO, DE or RS"));
        });
        var service = new Option<string?>("--service") { Description = "Only organisations offering this service", HelpName = "service" };
        service.AcceptOnlyFromAmong([.. PartnerServices.All]);
        var kind = new Option<string?>("--kind") { Description = "Only organisations of this kind", HelpName = "kind" };
        kind.AcceptOnlyFromAmong([.. OrganisationKinds.All]);
        var region = new Option<string?>("--region") { Description = "Only organisations serving this region (or the whole country: 'national')", HelpName = "region" };
        var city = new Option<string?>("--city") { Description = "Only organisations serving this city", HelpName = "city" };
        var command = new Command("list", "Organisations in the directory, by country, service, kind, region or city") { country, service, kind, region, city };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            var context = await CliContext.OpenAsync(parse, output, ct);
            await using var db = context.OpenDb();
            var organisations = await PartnerDirectory.ListAsync(db, parse.GetValue(country), parse.GetValue(service), parse.GetValue(kind), ct,
                parse.GetValue(region), parse.GetValue(city));
            if (output.Json)
                output.WriteJson(organisations.Select(o => new { id = o.Key, o.Name, o.Kind, o.Country, o.Regions, o.Cities, o.Languages, o.Services, o.Active, o.LastVerifiedOn }));
            else if (organisations.Count == 0)
                output.Line("No organisations match; import a directory with 'referralflow partners import FILE'.");
            else
                output.Table(["ID", "COUNTRY", "KIND", "ACTIVE", "VERIFIED", "NAME", "SERVICES"], organisations.Select(o => (IReadOnlyList<string>)
                    [o.Key, o.Country, o.Kind, o.Active ? "yes" : "no", o.LastVerifiedOn?.ToString("yyyy-MM-dd") ?? "-", o.Name, Text.List(o.Services)]));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Assign()
    {
        var referral = new Argument<string>("referral") { Description = "Referral id or case code (RF-2027-7KQ3M)" };
        var role = new Option<string>("--role") { Description = "The partner role in the referral's procedure, e.g. receiving, consulate", Required = true, HelpName = "role" };
        var organisation = new Option<string>("--organisation") { Description = "Directory id of the organisation (from 'partners list')", Required = true, HelpName = "id" };
        var command = new Command("assign", "Name the organisation that plays a partner role in a referral; its requests go to the " +
            "organisation's authorised contact, and an open request to the role moves to it (the earlier organisation is told)") { referral, role, organisation };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            var context = await CliContext.OpenAsync(parse, output, ct);
            var referralId = await context.ReferralIdAsync(parse.GetValue(referral)!, ct);
            // One transaction: open requests to the role follow it to the new organisation.
            var (assigned, moved) = await RoleReassignment.AssignAsync(context.OpenDb, context.Library, context.Clock, referralId,
                parse.GetValue(role)!.Trim(), parse.GetValue(organisation)!, RecordOptions.Operator, ct);
            await using var db = context.OpenDb();
            var contact = await PartnerDirectory.AuthorisedContactAsync(db, assigned.Organisation.Id, ct);
            if (output.Json)
                output.WriteJson(new
                {
                    assigned.CaseCode, assigned.Role, organisation = assigned.Organisation.Key, organisationName = assigned.Organisation.Name,
                    contact = contact?.Email, assigned.Replaced, assigned.Warning,
                    moved = moved.Select(m => new
                    {
                        m.CaseCode, step = m.StepId, m.Request, from = m.From.Key, to = m.To.Key, told = m.FromTold,
                    }),
                });
            else
            {
                output.Line($"Assigned {assigned.Organisation.Name} ({assigned.Organisation.Key}) as '{assigned.Role}' of {assigned.CaseCode}" +
                    (assigned.Replaced is { } replaced ? $", replacing {replaced}" : "") +
                    (contact is null ? "." : $"; requests go to {contact.Name} <{contact.Email}>."));
                if (ReassignmentText.Moved(moved) is { } sentence) output.Line(sentence);
                if (assigned.Warning is { } warning) output.Error.WriteLine($"warning: {warning}");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
