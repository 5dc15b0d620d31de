using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Partners;
using ReferralFlow.Tests.Persistence;

namespace ReferralFlow.Tests.Partners;

public class DirectoryImportTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Demo_directory_loads_at_least_30_organisations_in_10_countries_each_with_an_authorised_contact_and_backup(string provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider, "partners_demo");

        var result = await Directories.ImportDemoAsync(database);

        Assert.Empty(result.Problems);
        await using var db = database.Open();
        var organisations = await db.Organisations.ToListAsync();
        var contacts = await db.Contacts.ToListAsync();
        Assert.True(organisations.Count >= 30, $"{organisations.Count} organisations");
        Assert.True(organisations.Select(o => o.Country).Distinct().Count() >= 10);
        Assert.Equal(organisations.Count, result.Created);
        foreach (var organisation in organisations)
        {
            var own = contacts.Where(c => c.OrganisationId == organisation.Id).ToList();
            var designated = own.Where(c => c.AuthorisedToAccept).OrderBy(c => c.Position).First();
            Assert.Contains(own, c => c.Id == designated.BackupContactId && c.AuthorisedToAccept);
        }
        Assert.All(contacts, c => Assert.EndsWith(".example.org", c.Email));
        Assert.Contains(organisations, o => o.Key == "ro-adpare" && o.Name == "ADPARE" && o.Offers("reintegration"));
        Assert.Contains(organisations, o => !o.Active);
        Assert.Equal(OrganisationKinds.All.Order(), organisations.Select(o => o.Kind).Distinct().Order());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Export_imports_back_to_the_same_directory_in_yaml_and_json(string provider)
    {
        await using var source = await TestDatabase.MigratedAsync(provider, "partners_export");
        await Directories.ImportDemoAsync(source);
        var yaml = await Directories.ExportAsync(source);
        var json = await Directories.ExportAsync(source, DirectoryFormat.Json);

        await using var fromYaml = await TestDatabase.MigratedAsync(provider, "partners_from_yaml");
        await using var fromJson = await TestDatabase.MigratedAsync(provider, "partners_from_json");
        Assert.True((await Directories.ImportAsync(fromYaml, yaml)).Applied);
        Assert.True((await Directories.ImportAsync(fromJson, json, DirectoryFormat.Json, "export.json")).Applied);

        Assert.Equal(yaml, await Directories.ExportAsync(fromYaml));
        Assert.Equal(yaml, await Directories.ExportAsync(fromJson));
        Assert.Equal(json, await Directories.ExportAsync(fromYaml, DirectoryFormat.Json));
        // The demo file itself is written in export form: only its comments differ.
        var demo = await File.ReadAllLinesAsync(Directories.DemoPath);
        Assert.Equal(demo.Where(l => !l.StartsWith('#')), yaml.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_file_with_several_problems_lists_each_with_its_line_and_changes_nothing(string provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider, "partners_problems");
        await Directories.ImportDemoAsync(database);
        var before = await Directories.SnapshotAsync(database);

        var result = await Directories.ImportAsync(database, """
            organisations:
              - id: ro-adpare
                name: ADPARE renamed
                kind: ngo
                country: RO
                contacts:
                  - { id: ro-adpare-intake, name: Intake, email: intake@adpare.example.org, language: ro, authorised: true }
              - id: de-new
                name: New partner
                kind: embassy
                country: DE
                contacts:
                  - { id: de-new-a, name: A, email: a-at-new.example.org, language: de, authorised: true, backup: de-new-b }
                  - { id: de-new-a, name: B, email: b@new.example.org, language: xx, authorised: true }
                  - { id: rs-astra-sos, name: C, email: c@new.example.org, language: de, authorised: true, backup: ro-adpare-intake }
            """, name: "update.yaml");

        Assert.False(result.Applied);
        Assert.Equal(before, await Directories.SnapshotAsync(database));
        Assert.Equal(
            [
                (10, "$.organisations[1].kind"),
                (13, "$.organisations[1].contacts[0].backup"),
                (13, "$.organisations[1].contacts[0].email"),
                (14, "$.organisations[1].contacts[1].id"),
                (14, "$.organisations[1].contacts[1].language"),
                (15, "$.organisations[1].contacts[2].backup"),
                (15, "$.organisations[1].contacts[2].id"),
            ],
            result.Errors.Select(p => (p.Line, p.Path)).Order());
        Assert.All(result.Errors, p => Assert.Equal("update.yaml", p.File));
        Assert.Contains("write 'consulate'", result.Errors.Single(p => p.Path.EndsWith(".kind")).Message);
        Assert.Contains("already belongs to organisation 'rs-astra'", result.Errors.Single(p => p.Path.EndsWith("[2].id")).Message);
        Assert.Contains("another organisation ('ro-adpare'", result.Errors.Single(p => p.Path.EndsWith("[2].backup")).Message);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Reimport_updates_organisations_in_place_and_makes_their_contacts_exactly_those_listed(string provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider, "partners_reimport");
        await Directories.ImportAsync(database, Directories.Small);
        var shelterA = await Directories.OrganisationAsync(database, "ro-shelter-a");
        Guid deputyId;
        await using (var db = database.Open()) deputyId = await db.Contacts.Where(c => c.Key == "a-deputy").Select(c => c.Id).SingleAsync();

        var edited = string.Join("\n", Directories.Small.Split('\n').Where(line => !line.Contains("id: a-press")))
            .Replace("name: Shelter A", "name: Shelter A (renamed)")
            .Replace("email: deputy@a.example.org", "email: deputy2@a.example.org");
        var result = await Directories.ImportAsync(database, edited);

        Assert.True(result.Applied, string.Join("\n", result.Problems));
        Assert.Equal((0, 1, 8), (result.Created, result.Updated, result.Unchanged));
        var renamed = await Directories.OrganisationAsync(database, "ro-shelter-a");
        Assert.Equal((shelterA.Id, "Shelter A (renamed)"), (renamed.Id, renamed.Name));
        await using var check = database.Open();
        var contacts = await check.Contacts.Where(c => c.OrganisationId == shelterA.Id).OrderBy(c => c.Position).ToListAsync();
        Assert.Equal(["a-intake", "a-deputy"], contacts.Select(c => c.Key));
        Assert.Equal((deputyId, "deputy2@a.example.org"), (contacts[1].Id, contacts[1].Email));
        Assert.Equal(deputyId, contacts[0].BackupContactId);
        Assert.Equal(9, await check.Organisations.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_file_covering_one_organisation_leaves_the_others_alone(string provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider, "partners_partial");
        await Directories.ImportAsync(database, Directories.Small);

        var result = await Directories.ImportAsync(database, """
            organisations:
              - id: ro-shelter-b
                name: Shelter B
                kind: ngo
                country: RO
                services: [shelter]
                active: false
                contacts:
                  - { id: b-intake, name: Intake B, email: intake@b.example.org, language: ro, authorised: true }
            """);

        Assert.Equal((0, 1, 0), (result.Created, result.Updated, result.Unchanged));
        await using var db = database.Open();
        Assert.Equal(9, await db.Organisations.CountAsync());
        Assert.False((await Directories.OrganisationAsync(database, "ro-shelter-b")).Active);
        Assert.Equal(3, await db.Contacts.CountAsync(c => c.Key.StartsWith("a-")));
    }
}
