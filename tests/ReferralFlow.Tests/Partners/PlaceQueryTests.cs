using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Acting;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Runtime;
using ReferralFlow.Core.Tasks;
using ReferralFlow.Tests.Infrastructure;
using ReferralFlow.Tests.Runtime;

namespace ReferralFlow.Tests.Partners;

/// <summary>A directory query by region and city (issue 9 §7): the organisation serving the city wins over one elsewhere
/// in the country, one listing the region next, a national one serves every place of its country, and a place nobody
/// serves is a partnership gap that names it.</summary>
public class PlaceQueryTests
{
    private const string Procedure = """
        { "id": "local-placement", "version": 1, "title": "Local placement", "start": "prepare",
          "variables": {
            "return.city": { "type": "string", "format": "place", "input": true },
            "return.region": { "type": "string", "format": "place", "input": true } },
          "steps": [
            { "id": "prepare", "type": "task", "role": "caseworker", "outcomes": ["ready"] },
            { "id": "ask-placement", "type": "partnerRequest", "partner": "receiving", "request": "accept-referral",
              "find": { "kind": "ngo", "service": "shelter", "country": "RO", "region": "return.region", "city": "return.city" },
              "outcomes": ["accepted"] },
            { "id": "placed", "type": "end", "outcome": "placed" } ],
          "transitions": [
            { "from": "prepare", "outcome": "ready", "to": "ask-placement" },
            { "from": "ask-placement", "outcome": "accepted", "to": "placed" } ] }
        """;

    // Bucharest's shelter was verified last, so without a place it would win; the national one only where nobody is local.
    private const string Places = """
        organisations:
          - id: ro-cluj
            name: Cluj Shelter
            kind: ngo
            country: RO
            regions: [Nord-Vest]
            cities: [Cluj-Napoca]
            services: [shelter]
            lastVerifiedOn: 2026-03-01
            contacts:
              - { id: cluj-intake, name: Intake Cluj, email: intake@cluj.example.org, language: ro, authorised: true }
          - id: ro-oradea
            name: Oradea Shelter
            kind: ngo
            country: RO
            regions: [Nord-Vest]
            cities: [Oradea]
            services: [shelter]
            lastVerifiedOn: 2026-02-01
            contacts:
              - { id: oradea-intake, name: Intake Oradea, email: intake@oradea.example.org, language: ro, authorised: true }
          - id: ro-bucharest
            name: Bucharest Shelter
            kind: ngo
            country: RO
            regions: [Bucuresti-Ilfov]
            cities: [Bucharest]
            services: [shelter]
            lastVerifiedOn: 2026-09-01
            contacts:
              - { id: buc-intake, name: Intake Bucharest, email: intake@bucharest.example.org, language: ro, authorised: true }
        """;

    private const string National = """
          - id: ro-national
            name: National Network
            kind: ngo
            country: RO
            regions: [national]
            services: [shelter]
            lastVerifiedOn: 2026-01-01
            contacts:
              - { id: nat-intake, name: Intake National, email: intake@national.example.org, language: ro, authorised: true }
        """;

    private static async Task<(RuntimeHarness Harness, TempDirectory Folder)> CreateAsync(string name, bool national)
    {
        var folder = new TempDirectory("rf-places");
        Directory.CreateDirectory(folder.Combine("workflows"));
        await File.WriteAllTextAsync(folder.Combine("workflows", "local-placement.json"), Procedure);
        var harness = await RuntimeHarness.CreateAsync("sqlite", name, folder.Combine("workflows"));
        var imported = await Directories.ImportAsync(harness.Database, national ? Places + "\n" + National : Places);
        Assert.True(imported.Applied, string.Join("\n", imported.Problems));
        return (harness, folder);
    }

    /// <summary>Starts the procedure for the place, runs it to the request, and returns who plays "receiving" (or null).</summary>
    private static async Task<(Guid Referral, string? Assigned)> AskAsync(RuntimeHarness harness, string? city, string? region = null)
    {
        var input = new Dictionary<string, JsonNode?>();
        if (city is not null) input["return.city"] = JsonValue.Create(city);
        if (region is not null) input["return.region"] = JsonValue.Create(region);
        var referral = await harness.Runtime.StartAsync("local-placement", input, Actor.Operator("caseworker"));
        Guid taskId;
        await using (var db = harness.Open())
            taskId = await db.Tasks.Where(t => t.ReferralId == referral.Id && t.Status == WorkTaskStatus.Open).Select(t => t.Id).SingleAsync();
        await harness.Runtime.CompleteTaskWithoutFormAsync(taskId, "ready", new Dictionary<string, JsonNode?>(), Actor.Operator("caseworker"));
        await using var read = harness.Open();
        var assigned = await (from a in read.PartnerAssignments join o in read.Organisations on a.OrganisationId equals o.Id
                              where a.ReferralId == referral.Id && a.Role == "receiving" select o.Key).SingleOrDefaultAsync();
        return (referral.Id, assigned);
    }

    [Fact]
    public async Task A_find_by_city_picks_the_organisation_in_that_city_over_one_elsewhere_in_the_country()
    {
        var (harness, folder) = await CreateAsync("place_city", national: true);
        await using var _ = harness;
        using var __ = folder;

        var (referral, assigned) = await AskAsync(harness, "cluj-napoca", "Nord-Vest");

        // Bucharest was verified last and the national network serves everywhere; the city's own shelter comes first.
        Assert.Equal("ro-cluj", assigned);
        await using var db = harness.Open();
        var entry = await db.History.SingleAsync(h => h.ReferralId == referral && h.Kind == PartnerAssignments.HistoryKind);
        Assert.Equal("receiving: Cluj Shelter (ro-cluj), found by the directory query an active ngo in the city cluj-napoca, " +
            "the region Nord-Vest, RO offering 'shelter'", entry.Detail);
        Assert.False(await db.PartnershipGaps.AnyAsync());
    }

    [Fact]
    public async Task A_city_nobody_lists_falls_to_an_organisation_of_its_region_then_to_a_national_one()
    {
        var (harness, folder) = await CreateAsync("place_fallback", national: true);
        await using var _ = harness;
        using var __ = folder;

        Assert.Equal("ro-cluj", (await AskAsync(harness, "Zalau", "Nord-Vest")).Assigned);
        Assert.Equal("ro-national", (await AskAsync(harness, "Iasi", "Nord-Est")).Assigned);
    }

    [Fact]
    public async Task A_place_nobody_serves_records_a_gap_with_its_city_and_region_and_holds_the_request()
    {
        var (harness, folder) = await CreateAsync("place_gap", national: false);
        await using var _ = harness;
        using var __ = folder;

        var (referral, assigned) = await AskAsync(harness, "Iasi", "Nord-Est");

        Assert.Null(assigned);
        await using var db = harness.Open();
        var gap = Assert.Single(await PartnershipGaps.ListAsync(db));
        Assert.Equal(("RO", "Nord-Est", "Iasi", "shelter", "ask-placement"), (gap.Country, gap.Region, gap.City, gap.Service, gap.StepId));
        var incident = await db.Incidents.SingleAsync(i => i.ReferralId == referral);
        Assert.Contains("it asks for an active ngo in the city Iasi, the region Nord-Est, RO offering 'shelter'", incident.Message);
        Assert.Contains("'referralflow partners list --kind ngo --service shelter --country RO --region \"Nord-Est\" --city \"Iasi\"'", incident.Message);

        // Retried with nobody new in the directory: still held, the same gap not recorded twice.
        var retry = await Assert.ThrowsAsync<Core.ReferralFlowException>(() =>
            harness.Runtime.RetryIncidentsAsync(referral, Actor.Operator("coordinator")));
        Assert.StartsWith("Nothing to retry yet on ", retry.Message);
        await using var again = harness.Open();
        Assert.Single(await again.PartnershipGaps.ToListAsync());
    }

    [Fact]
    public async Task A_city_variable_not_set_yet_asks_nobody_rather_than_anybody_in_the_country()
    {
        var (harness, folder) = await CreateAsync("place_unset", national: true);
        await using var _ = harness;
        using var __ = folder;

        var (referral, assigned) = await AskAsync(harness, city: null, region: "Nord-Vest");

        Assert.Null(assigned);
        await using var db = harness.Open();
        Assert.False(await db.PartnershipGaps.AnyAsync());
        Assert.Contains("the city 'return.city' (not set yet), the region Nord-Vest, RO",
            (await db.Incidents.SingleAsync(i => i.ReferralId == referral)).Message);
    }
}
