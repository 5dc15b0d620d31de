using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core;
using ReferralFlow.Core.Acting;
using ReferralFlow.Core.Corridor;
using ReferralFlow.Core.Intake;
using ReferralFlow.Core.Outbox;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Runtime;
using ReferralFlow.Core.Tasks;
using ReferralFlow.Engine.Execution;
using ReferralFlow.Tests.Infrastructure;
using ReferralFlow.Tests.Partners;
using ReferralFlow.Tests.Runtime;

namespace ReferralFlow.Tests.Corridor;

/// <summary>A corridor that starts with its origin unknown and changes during the case (issue 9 §7): the change is
/// checked, recorded in history and audit, and what waited on the origin (a directory query, a condition) runs again.</summary>
public class CorridorChangeTests
{
    // "prepare" leads either to a request whose partner is found in the origin country, or to a decision on it.
    private const string Procedure = """
        { "id": "origin-check", "version": 1, "title": "Origin check", "start": "prepare",
          "variables": {
            "origin.country": { "type": "string", "input": true },
            "destination.country": { "type": "string", "input": true } },
          "steps": [
            { "id": "prepare", "type": "task", "role": "caseworker", "outcomes": ["ask", "decide"] },
            { "id": "ask-shelter", "type": "partnerRequest", "partner": "receiving", "request": "accept-referral",
              "find": { "kind": "ngo", "service": "shelter", "country": "origin.country" }, "outcomes": ["accepted"] },
            { "id": "route", "type": "decision", "branches": [ { "when": "origin.country == 'RO'", "outcome": "romania" } ],
              "otherwise": "elsewhere" },
            { "id": "romania-plan", "type": "task", "role": "caseworker", "outcomes": ["done"] },
            { "id": "other-plan", "type": "task", "role": "caseworker", "outcomes": ["done"] },
            { "id": "closed", "type": "end", "outcome": "closed" } ],
          "transitions": [
            { "from": "prepare", "outcome": "ask", "to": "ask-shelter" },
            { "from": "prepare", "outcome": "decide", "to": "route" },
            { "from": "ask-shelter", "outcome": "accepted", "to": "closed" },
            { "from": "route", "outcome": "romania", "to": "romania-plan" },
            { "from": "route", "outcome": "elsewhere", "to": "other-plan" },
            { "from": "romania-plan", "outcome": "done", "to": "closed" },
            { "from": "other-plan", "outcome": "done", "to": "closed" } ] }
        """;

    private sealed class Setup(RuntimeHarness harness, TempDirectory folder) : IAsyncDisposable
    {
        public RuntimeHarness Harness => harness;
        public static readonly Actor Caseworker = Actor.Operator("caseworker");

        public static async Task<Setup> CreateAsync(string name)
        {
            var folder = new TempDirectory("rf-corridor");
            Directory.CreateDirectory(folder.Combine("workflows"));
            await File.WriteAllTextAsync(folder.Combine("workflows", "origin-check.json"), Procedure);
            var harness = await RuntimeHarness.CreateAsync("sqlite", name, folder.Combine("workflows"));
            Assert.True((await Directories.ImportAsync(harness.Database, Directories.Small)).Applied);
            return new Setup(harness, folder);
        }

        public async Task<StartedReferral> StartAsync(string origin, string destination = "DE", params string[] transit)
        {
            var intake = new ReferralIntake { Corridor = new CorridorInput { Origin = origin, Transit = transit, Destination = destination } };
            return (await new ReferralStart(harness.Runtime, harness.Protector, harness.Clock).StartAsync("origin-check", intake, Caseworker)).Referral;
        }

        public async Task PrepareAsync(Guid referralId, string outcome)
        {
            Guid taskId;
            await using (var db = harness.Open())
                taskId = await db.Tasks.Where(t => t.ReferralId == referralId && t.Status == WorkTaskStatus.Open).Select(t => t.Id).SingleAsync();
            await harness.Runtime.CompleteTaskAsync(taskId, outcome, new Dictionary<string, JsonNode?>(), Caseworker);
        }

        public Task<CorridorChanged> ChangeAsync(Guid referralId, string? origin = null, string?[]? transit = null, string? destination = null) =>
            CorridorChange.ChangeAsync(harness.Runtime, referralId, new CorridorChangeInput(origin, transit, destination), Actor.Operator("ana"));

        public async ValueTask DisposeAsync()
        {
            await harness.DisposeAsync();
            folder.Dispose();
        }
    }

    [Fact]
    public async Task A_referral_starts_with_its_origin_unknown_and_the_change_is_recorded_in_history_and_audit()
    {
        await using var setup = await Setup.CreateAsync("corridor_change");
        var referral = await setup.StartAsync("unknown");
        await using (var db = setup.Harness.Open())
        {
            var started = await db.Referrals.SingleAsync(r => r.Id == referral.Id);
            Assert.Equal((null, "DE"), (started.OriginCountry, started.DestinationCountry));
            var variables = InstanceState.Deserialize(started.StateJson).Variables;
            Assert.False(variables.ContainsKey(CorridorFacts.Origin));
            Assert.Equal("DE", variables[CorridorFacts.Destination]!.GetValue<string>());
        }

        var changed = await setup.ChangeAsync(referral.Id, origin: "RO", transit: ["HU"]);

        Assert.Equal(("? → DE", "RO → HU → DE", 0), (changed.From.ToString(), changed.To.ToString(), changed.IncidentsRetried));
        await using var read = setup.Harness.Open();
        var now = await read.Referrals.SingleAsync(r => r.Id == referral.Id);
        Assert.Equal(("RO", "DE"), (now.OriginCountry, now.DestinationCountry));
        Assert.Equal(["HU"], now.TransitCountries);
        Assert.Equal("RO", InstanceState.Deserialize(now.StateJson).Variables[CorridorFacts.Origin]!.GetValue<string>());
        var line = await read.History.SingleAsync(h => h.ReferralId == referral.Id && h.Kind == CorridorChange.HistoryKind);
        Assert.Equal(("corridor: ? → DE changed to RO → HU → DE", "ana"), (line.Detail, line.Actor));
        var audit = await read.AuditEntries.SingleAsync(a => a.ReferralId == referral.Id && a.Action == CorridorChange.AuditAction);
        Assert.Equal(("ana", "cli", "? → DE changed to RO → HU → DE"), (audit.Actor, audit.Source, audit.Detail));
    }

    [Fact]
    public async Task A_find_on_an_unknown_origin_raises_an_incident_that_says_how_to_set_it_and_runs_again_after_the_change()
    {
        await using var setup = await Setup.CreateAsync("corridor_find");
        var referral = await setup.StartAsync("unknown");

        await setup.PrepareAsync(referral.Id, "ask");

        await using (var db = setup.Harness.Open())
        {
            var incident = await db.Incidents.SingleAsync(i => i.ReferralId == referral.Id);
            Assert.StartsWith($"The origin country is not known yet: set it with 'referralflow referrals corridor {referral.CaseCode} --origin XX' " +
                $"(or POST /api/referrals/{referral.Id}/corridor).", incident.Message);
            Assert.Contains("Step 'ask-shelter' asks the directory for an active ngo in the country of 'origin.country' (not set yet)", incident.Message);
            // Not knowing the place is not a gap in the network.
            Assert.False(await db.PartnershipGaps.AnyAsync());
        }

        var changed = await setup.ChangeAsync(referral.Id, origin: "RO");

        Assert.Equal(1, changed.IncidentsRetried);
        await using var read = setup.Harness.Open();
        Assert.NotNull((await read.Incidents.SingleAsync(i => i.ReferralId == referral.Id)).ResolvedAt);
        Assert.Equal(0, (await read.Referrals.SingleAsync(r => r.Id == referral.Id)).OpenIncidents);
        var assigned = await (from a in read.PartnerAssignments join o in read.Organisations on a.OrganisationId equals o.Id
                              where a.ReferralId == referral.Id select new { o.Key, a.AssignedBy }).SingleAsync();
        Assert.Equal(("ro-shelter-e", RuntimeUnit.DirectoryActor), (assigned.Key, assigned.AssignedBy));
        var request = await read.OutboxMessages.SingleAsync(m => m.ReferralId == referral.Id && m.Kind == OutboxKinds.Request);
        Assert.Equal(OutboxStatus.Pending, request.Status);
    }

    [Fact]
    public async Task An_origin_set_where_nobody_serves_records_the_gap_and_says_so_in_a_new_incident()
    {
        await using var setup = await Setup.CreateAsync("corridor_find_gap");
        var referral = await setup.StartAsync("unknown");
        await setup.PrepareAsync(referral.Id, "ask");

        var changed = await setup.ChangeAsync(referral.Id, origin: "BG");

        Assert.Equal(0, changed.IncidentsRetried);
        await using var read = setup.Harness.Open();
        var open = await read.Incidents.SingleAsync(i => i.ReferralId == referral.Id && i.ResolvedAt == null);
        Assert.Contains("it asks for an active ngo in BG offering 'shelter'", open.Message);
        var gap = await read.PartnershipGaps.SingleAsync();
        Assert.Equal(("BG", "shelter", referral.CaseCode), (gap.Country, gap.Service, gap.CaseCode));
        Assert.Equal(1, (await read.Referrals.SingleAsync(r => r.Id == referral.Id)).OpenIncidents);
    }

    [Fact]
    public async Task A_condition_on_an_unknown_origin_waits_with_an_incident_and_decides_once_the_origin_is_set()
    {
        await using var setup = await Setup.CreateAsync("corridor_condition");
        var referral = await setup.StartAsync("unknown");

        await setup.PrepareAsync(referral.Id, "decide");

        await using (var db = setup.Harness.Open())
            Assert.StartsWith("The origin country is not known yet: set it with 'referralflow referrals corridor",
                (await db.Incidents.SingleAsync(i => i.ReferralId == referral.Id)).Message);

        var changed = await setup.ChangeAsync(referral.Id, origin: "RO");

        Assert.Equal(1, changed.IncidentsRetried);
        await using var read = setup.Harness.Open();
        Assert.Equal("romania-plan", await read.Tasks.Where(t => t.ReferralId == referral.Id && t.Status == WorkTaskStatus.Open)
            .Select(t => t.StepId).SingleAsync());
        Assert.Equal(0, (await read.Referrals.SingleAsync(r => r.Id == referral.Id)).OpenIncidents);
    }

    [Theory]
    [InlineData("UK", null, null, "The corridor cannot change: origin: is not an ISO 3166 alpha-2 country code: write 'GB'")]
    [InlineData(null, null, "unknown", "destination: is not an ISO 3166 alpha-2 country code")]
    [InlineData(null, "DE", null, "transit: repeats the origin or destination country")]
    [InlineData(null, "HU,HU", null, "transit: lists a country twice")]
    [InlineData("RO", "HU", null, "The corridor is already RO → HU → DE: nothing to change.")]
    [InlineData(null, null, null, "Say what changes: the origin, the transit countries or the destination.")]
    public async Task A_bad_change_is_refused_with_what_to_fix_and_nothing_changes(string? origin, string? transit, string? destination, string expected)
    {
        await using var setup = await Setup.CreateAsync("corridor_bad");
        var referral = await setup.StartAsync("RO", "DE", "HU");

        var refused = await Assert.ThrowsAsync<ReferralFlowException>(() =>
            setup.ChangeAsync(referral.Id, origin, transit?.Split(','), destination));

        Assert.Contains(expected, refused.Message);
        await using var read = setup.Harness.Open();
        Assert.Equal("RO → HU → DE", CorridorRoute.Of(await read.Referrals.SingleAsync(r => r.Id == referral.Id)).ToString());
        Assert.False(await read.History.AnyAsync(h => h.Kind == CorridorChange.HistoryKind));
        Assert.False(await read.AuditEntries.AnyAsync(a => a.Action == CorridorChange.AuditAction));
    }

    [Fact]
    public async Task A_closed_referral_keeps_its_corridor()
    {
        await using var setup = await Setup.CreateAsync("corridor_closed");
        var referral = await setup.StartAsync("RO");
        await setup.Harness.Runtime.WithdrawAsync(referral.Id, Setup.Caseworker);

        var refused = await Assert.ThrowsAsync<ReferralFlowException>(() => setup.ChangeAsync(referral.Id, origin: "BG"));

        Assert.Equal($"Referral {referral.CaseCode} is withdrawn: its corridor no longer changes.", refused.Message);
    }

    [Fact]
    public async Task Intake_refuses_a_corridor_fact_given_as_a_variable_and_a_missing_origin()
    {
        await using var setup = await Setup.CreateAsync("corridor_intake");
        var intake = new ReferralIntake
        {
            Corridor = new CorridorInput { Destination = "DE" },
            Variables = new Dictionary<string, JsonNode?> { [CorridorFacts.Origin] = JsonValue.Create("RO") },
        };

        var refused = await Assert.ThrowsAsync<ReferralFlowException>(() =>
            new ReferralStart(setup.Harness.Runtime, setup.Harness.Protector, setup.Harness.Clock).StartAsync("origin-check", intake, Setup.Caseworker));

        Assert.Contains("give the person's country of origin, e.g. \"RO\", or \"unknown\" until it is identified", refused.Message);
        Assert.Contains("'origin.country' follows from the corridor: leave it out", refused.Message);
    }
}
