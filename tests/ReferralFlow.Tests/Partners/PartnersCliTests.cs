using ReferralFlow.Core.Acting;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Tests.Cli;
using ReferralFlow.Tests.Infrastructure;

namespace ReferralFlow.Tests.Partners;

public class PartnersCliTests
{
    private static async Task<int> CountAsync(CliRun cli)
    {
        await using var db = new ReferralFlowDb(DatabaseProvider.Options(cli.ConnectionString));
        return await db.Organisations.CountAsync() + await db.Contacts.CountAsync() + await db.Agreements.CountAsync();
    }

    [Fact]
    public async Task Import_then_export_in_either_format_imports_back_unchanged()
    {
        using var folder = new TempDirectory("rf-partners");
        await using var cli = CliRun.OnSqlite();
        await using var copy = CliRun.OnSqlite();

        var imported = await cli.RunAsync("partners", "import", Directories.DemoPath);
        var yaml = await cli.RunAsync("partners", "export");
        var json = await cli.RunAsync("partners", "export", "--format", "json");
        File.WriteAllText(folder.Combine("directory.json"), json.Out);
        var reimported = await copy.RunAsync("partners", "import", folder.Combine("directory.json"));

        Assert.True(imported.ExitCode == 0, imported.ToString());
        Assert.Matches(@"^Imported .*demo-directory\.yaml: \d+ organisations \(\d+ new, 0 updated, 0 unchanged\), \d+ contacts, \d+ agreements\.$", imported.OutLines.Single());
        Assert.StartsWith("# ReferralFlow partner directory", yaml.Out);
        Assert.True(reimported.ExitCode == 0, reimported.ToString());
        Assert.Equal(yaml.Out, (await copy.RunAsync("partners", "export")).Out);
        Assert.Contains("0 new, 0 updated", (await cli.RunAsync("partners", "import", folder.Combine("directory.json"))).Out);
    }

    [Fact]
    public async Task Import_of_a_file_with_problems_lists_them_all_and_exits_1_changing_nothing()
    {
        using var folder = new TempDirectory("rf-partners");
        await using var cli = CliRun.OnSqlite();
        await cli.RunAsync("partners", "import", Directories.DemoPath);
        var before = await CountAsync(cli);
        var file = folder.Combine("broken.yaml");
        File.WriteAllText(file, Directories.Small.Replace("country: RS", "country: SRB").Replace("language: sr", "language: serbian")
            .Replace("kind: iom", "kind: io"));

        var result = await cli.RunAsync("partners", "import", file);

        Assert.Equal(1, result.ExitCode);
        var errors = result.OutLines.Where(line => line.Contains(": error: ")).ToList();
        Assert.Equal(3, errors.Count);
        Assert.All(errors, line => Assert.Matches(@"broken\.yaml:\d+: error: \$\.organisations\[\d+\]\.", line));
        // The small directory's two deliberate gaps (no authorised contact, an unauthorised backup) are warnings.
        Assert.Equal(2, result.OutLines.Count(line => line.Contains(": warning: ")));
        Assert.Equal("3 errors in " + file + "; nothing was imported", Assert.Single(result.ErrLines));
        Assert.Equal(before, await CountAsync(cli));
    }

    [Fact]
    public async Task List_filters_by_country_service_and_kind()
    {
        await using var cli = CliRun.OnSqlite();
        await cli.RunAsync("partners", "import", Directories.DemoPath);

        var romanianShelters = (await cli.JsonAsync("partners", "list", "--country", "ro", "--service", "shelter")).AsArray();
        var consulates = (await cli.JsonAsync("partners", "list", "--kind", "consulate")).AsArray();
        var wrongCountry = await cli.RunAsync("partners", "list", "--country", "UK");

        Assert.Contains(romanianShelters, o => o!["id"]!.GetValue<string>() == "ro-adpare");
        Assert.All(romanianShelters, o => Assert.Equal("RO", o!["country"]!.GetValue<string>()));
        Assert.True(consulates.Count >= 3);
        Assert.All(consulates, o => Assert.Equal("consulate", o!["kind"]!.GetValue<string>()));
        Assert.Equal(2, wrongCountry.ExitCode);
        Assert.Contains("did you mean GB?", wrongCountry.Err);
    }

    [Fact]
    public async Task Assign_names_the_organisation_of_a_role_and_its_requests_go_to_the_authorised_contact()
    {
        await using var cli = CliRun.OnSqlite();
        await cli.RunAsync("partners", "import", Directories.DemoPath);
        var (id, caseCode) = await cli.StartAsync();

        var assigned = await cli.RunAsync("partners", "assign", caseCode, "--role", "receiving", "--organisation", "ro-adpare");
        var replaced = await cli.JsonAsync("partners", "assign", caseCode, "--role", "receiving", "--organisation", "ro-anitp");
        var wrongRole = await cli.RunAsync("partners", "assign", caseCode, "--role", "receving", "--organisation", "ro-adpare");
        var inactive = await cli.RunAsync("partners", "assign", caseCode, "--role", "consulate", "--organisation", "ro-caritas-bucharest");
        var history = (await cli.JsonAsync("referrals", "show", caseCode))["history"]!.AsArray();

        Assert.True(assigned.ExitCode == 0, assigned.ToString());
        Assert.Equal($"Assigned ADPARE (ro-adpare) as 'receiving' of {caseCode}; requests go to Elena Popescu <intake@adpare.example.org>.", assigned.Out.Trim());
        Assert.Equal(("ro-anitp", "ro-adpare", "referral@anitp.example.org"),
            (replaced["organisation"]!.GetValue<string>(), replaced["replaced"]!.GetValue<string>(), replaced["contact"]!.GetValue<string>()));
        Assert.Equal((1, "error: 'receving' is not a partner role of transnational-return v3; did you mean 'receiving'?"), (wrongRole.ExitCode, wrongRole.Err.Trim()));
        Assert.Equal(1, inactive.ExitCode);
        Assert.Contains("is inactive", inactive.Err);
        Assert.Equal(2, history.Count(h => h!["kind"]!.GetValue<string>() == "partner-assigned"));
        await using var db = new ReferralFlowDb(DatabaseProvider.Options(cli.ConnectionString));
        var assignment = await db.PartnerAssignments.SingleAsync();
        Assert.Equal((id, "receiving"), (assignment.ReferralId, assignment.Role));
    }

    [Fact]
    public async Task Import_export_and_assign_work_the_same_on_PostgreSQL()
    {
        await using var cli = await CliRun.OnPostgresAsync("partners_cli");
        var imported = await cli.RunAsync("partners", "import", Directories.DemoPath);
        var (_, caseCode) = await cli.StartAsync();

        var assigned = await cli.JsonAsync("partners", "assign", caseCode, "--role", "consulate", "--organisation", "it-embassy-romania");
        var again = await cli.RunAsync("partners", "import", Directories.DemoPath);

        Assert.True(imported.ExitCode == 0, imported.ToString());
        Assert.Equal("consular@roembassy-rome.example.org", assigned["contact"]!.GetValue<string>());
        Assert.Contains("0 new, 0 updated", again.Out);
        Assert.Equal(File.ReadAllLines(Directories.DemoPath).Where(l => !l.StartsWith('#')),
            (await cli.RunAsync("partners", "export")).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')));
    }

    [Fact]
    public async Task Gaps_lists_where_a_directory_query_found_nobody_newest_first_by_country()
    {
        await using var cli = CliRun.OnSqlite();
        var (referralId, caseCode) = await cli.StartAsync();
        await using (var db = new ReferralFlowDb(DatabaseProvider.Options(cli.ConnectionString)))
        {
            foreach (var (country, city, service, day) in new[] { ("BG", null, "shelter", 5), ("RS", "Novi Sad", "family-assessment", 6) })
                db.PartnershipGaps.Add(new Core.Partners.PartnershipGap
                {
                    Id = Guid.NewGuid(), RecordedAt = new DateTimeOffset(2027, 1, day, 10, 0, 0, TimeSpan.Zero), ReferralId = referralId,
                    CaseCode = caseCode, StepId = "alternative-placement", Country = country, City = city, Service = service, Kind = "ngo",
                });
            await db.SaveChangesAsync();
        }

        var all = (await cli.JsonAsync("partners", "gaps")).AsArray();
        var table = await cli.RunAsync("partners", "gaps", "--country", "bg");

        Assert.Equal(["RS", "BG"], all.Select(g => g!["country"]!.GetValue<string>()));
        Assert.Equal(("family-assessment", caseCode, "alternative-placement"),
            (all[0]!["service"]!.GetValue<string>(), all[0]!["caseCode"]!.GetValue<string>(), all[0]!["step"]!.GetValue<string>()));
        Assert.Equal(2, table.OutLines.Count);
        Assert.Matches($@"^2027-01-05 10:00\s+BG\s+-\s+-\s+shelter\s+ngo\s+{caseCode}\s+alternative-placement$", table.OutLines[1]);
        Assert.Equal(("Novi Sad", (string?)null), (all[0]!["city"]!.GetValue<string>(), all[0]!["region"]?.GetValue<string>()));
        Assert.Contains("did you mean", (await cli.RunAsync("partners", "gaps", "--country", "UK")).Err);
    }

    [Fact]
    public async Task List_finds_organisations_by_region_and_city_and_cities_survive_export_and_import()
    {
        using var folder = new TempDirectory("rf-places");
        await using var cli = CliRun.OnSqlite();
        File.WriteAllText(folder.Combine("places.yaml"), """
            organisations:
              - id: ro-cluj
                name: Cluj Shelter
                kind: ngo
                country: RO
                regions: [Transylvania]
                cities: [Cluj-Napoca, Turda]
                contacts: [{ id: cluj-desk, name: Desk, email: desk@cluj.example.org, language: ro, authorised: true }]
              - id: ro-national
                name: National Hotline
                kind: ngo
                country: RO
                regions: [national]
                contacts: [{ id: hotline-desk, name: Desk, email: desk@hotline.example.org, language: ro, authorised: true }]
              - id: ro-bucharest
                name: Bucharest Shelter
                kind: ngo
                country: RO
                regions: [Bucharest, Ilfov]
                cities: [Bucharest]
                contacts: [{ id: buc-desk, name: Desk, email: desk@buc.example.org, language: ro, authorised: true }]
            """);
        Assert.Equal(0, (await cli.RunAsync("partners", "import", folder.Combine("places.yaml"))).ExitCode);

        async Task<IReadOnlyList<string>> ListAsync(params string[] filter) =>
            [.. (await cli.JsonAsync(["partners", "list", .. filter])).AsArray().Select(o => o!["id"]!.GetValue<string>())];

        Assert.Equal(["ro-cluj"], await ListAsync("--city", "cluj-napoca"));
        Assert.Equal(["ro-bucharest"], await ListAsync("--country", "RO", "--city", "Bucharest"));
        // A national organisation serves every region of its country.
        Assert.Equal(["ro-bucharest", "ro-national"], await ListAsync("--region", "ilfov"));
        Assert.Empty(await ListAsync("--city", "Iasi"));
        var export = (await cli.RunAsync("partners", "export")).Out;
        Assert.Contains("    regions: [Transylvania]\n    cities: [Cluj-Napoca, Turda]\n", export);
        Assert.Contains("\"cities\": [", (await cli.RunAsync("partners", "export", "--format", "json")).Out);
    }
}
