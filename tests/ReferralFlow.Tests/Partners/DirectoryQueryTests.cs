using ReferralFlow.Core.Acting;
using System.Net.Mail;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Consent;
using ReferralFlow.Core.Mail;
using ReferralFlow.Core.Outbox;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Runtime;
using ReferralFlow.Core.Tasks;
using ReferralFlow.Tests.Infrastructure;
using ReferralFlow.Tests.Mail;
using ReferralFlow.Tests.Persistence;
using ReferralFlow.Tests.Runtime;

namespace ReferralFlow.Tests.Partners;

/// <summary>A partnerRequest naming its partner by a directory query (issue 3 §1): the runtime assigns the best match
/// when nobody plays the role, the request reaches its authorised contact, an assignment made by hand wins, and a query
/// that finds nobody becomes an incident that 'partners assign' + 'referrals retry' resolve.</summary>
public class DirectoryQueryTests
{
    private const string Procedure = """
        { "id": "placement-check", "version": 1, "title": "Placement check", "start": "prepare",
          "variables": { "return.country": { "type": "string", "input": true } },
          "steps": [
            { "id": "prepare", "type": "task", "role": "caseworker", "outcomes": ["ready"] },
            { "id": "ask-placement", "type": "partnerRequest", "partner": "receiving", "request": "accept-referral",
              "find": { "kind": "ngo", "service": "shelter", "country": "return.country" }, "outcomes": ["accepted", "declined"] },
            { "id": "placed", "type": "end", "outcome": "placed" } ],
          "transitions": [
            { "from": "prepare", "outcome": "ready", "to": "ask-placement" },
            { "from": "ask-placement", "outcome": "accepted", "to": "placed" },
            { "from": "ask-placement", "outcome": "declined", "to": "placed" } ] }
        """;

    private sealed class Setup(RuntimeHarness harness, TempDirectory folder) : IAsyncDisposable
    {
        public RuntimeHarness Harness => harness;
        public CapturingSender Sender { get; } = new();

        public static async Task<Setup> CreateAsync(string provider, string name)
        {
            var folder = new TempDirectory("rf-query");
            Directory.CreateDirectory(folder.Combine("workflows"));
            await File.WriteAllTextAsync(folder.Combine("workflows", "placement-check.json"), Procedure);
            var harness = await RuntimeHarness.CreateAsync(provider, name, folder.Combine("workflows"));
            Assert.True((await Directories.ImportAsync(harness.Database, Directories.Small)).Applied);
            return new Setup(harness, folder);
        }

        public async Task<StartedReferral> StartAsync(string? country)
        {
            var input = new Dictionary<string, JsonNode?>();
            if (country is not null) input["return.country"] = JsonValue.Create(country);
            return await harness.Runtime.StartAsync("placement-check", input, Actor.Operator("caseworker"));
        }

        public async Task PrepareAsync(Guid referralId)
        {
            Guid taskId;
            await using (var db = harness.Open())
                taskId = await db.Tasks.Where(t => t.ReferralId == referralId && t.Status == WorkTaskStatus.Open).Select(t => t.Id).SingleAsync();
            await harness.Runtime.CompleteTaskWithoutFormAsync(taskId, "ready", new Dictionary<string, JsonNode?>(), Actor.Operator("caseworker"));
        }

        public async Task AssignAsync(Guid referralId, string organisation)
        {
            await using var db = harness.Open();
            await PartnerAssignments.AssignAsync(db, harness.Library, referralId, "receiving", organisation, "coordinator", harness.Clock.GetUtcNow());
        }

        public Task<DeliveryPass> DeliverAsync() => new OutboxDelivery(
            harness.Open, new DirectoryAddressBook(), Sender, MailHarness.Templates,
            new TokenReplyLinks(new Core.Replies.ReplyLinks(new Uri("https://referrals.example.org/"), harness.Library, harness.Clock)),
            harness.Library,
            new MailSettings
            {
                PickupDirectory = folder.Combine("mail"),
                From = new MailAddress("ReferralFlow <no-reply@referralflow.example.org>"),
                PublicUrl = new Uri("https://referrals.example.org/"),
                TemplatesDirectory = MailHarness.RepositoryTemplates,
            },
            harness.Clock).DeliverDueAsync();

        /// <summary>The person's consent to refer the case to the organisation: without it the gate holds the request.</summary>
        public Task ConsentAsync(Guid referralId, string organisation) => ConsentRecording.RecordAsync(harness.Open, harness.Clock,
            new ConsentInput(referralId, organisation, "refer", "written", "person", GuardianCosigned: false), Actor.Operator("caseworker"));

        public async Task<(string Organisation, string By)?> AssignmentAsync(Guid referralId)
        {
            await using var db = harness.Open();
            var rows = await (from a in db.PartnerAssignments join o in db.Organisations on a.OrganisationId equals o.Id
                              where a.ReferralId == referralId && a.Role == "receiving" select new { o.Key, a.AssignedBy }).ToListAsync();
            return rows.Count == 0 ? null : (rows.Single().Key, rows.Single().AssignedBy);
        }

        public async ValueTask DisposeAsync()
        {
            await harness.DisposeAsync();
            folder.Dispose();
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task With_nobody_assigned_the_best_match_is_assigned_as_the_step_opens_and_its_authorised_contact_gets_the_request(string provider)
    {
        await using var setup = await Setup.CreateAsync(provider, "query_found");
        var referral = await setup.StartAsync("RO");
        Assert.Null(await setup.AssignmentAsync(referral.Id));

        await setup.PrepareAsync(referral.Id);

        // Shelter E: active, an NGO in RO offering shelter, with an authorised contact, and the most recently verified.
        Assert.Equal(("ro-shelter-e", "directory"), await setup.AssignmentAsync(referral.Id));
        await using (var db = setup.Harness.Open())
        {
            Assert.False(await db.PartnershipGaps.AnyAsync());
            var entry = await db.History.SingleAsync(h => h.ReferralId == referral.Id && h.Kind == PartnerAssignments.HistoryKind);
            Assert.Equal(("ask-placement", "directory",
                    "receiving: Shelter E (ro-shelter-e), found by the directory query an active ngo in RO offering 'shelter'"),
                (entry.StepId, entry.Actor, entry.Detail));
            Assert.Equal(0, (await db.Referrals.SingleAsync(r => r.Id == referral.Id)).OpenIncidents);
            // A partner found by the directory is still a recipient the person must have consented to.
            Assert.Single(await db.HeldRequests.Where(h => h.ReferralId == referral.Id).ToListAsync());
        }
        Assert.Equal(new DeliveryPass(0, 0, 0), await setup.DeliverAsync());

        await setup.ConsentAsync(referral.Id, "ro-shelter-e");

        Assert.Equal(new DeliveryPass(1, 0, 0), await setup.DeliverAsync());
        Assert.Equal("intake@e.example.org", Assert.Single(setup.Sender.Sent).To.Address);
    }

    [Fact]
    public async Task An_organisation_assigned_by_hand_wins_over_the_query()
    {
        await using var setup = await Setup.CreateAsync("sqlite", "query_assigned");
        var referral = await setup.StartAsync("RO");
        await setup.AssignAsync(referral.Id, "ro-shelter-a");
        await setup.ConsentAsync(referral.Id, "ro-shelter-a");

        await setup.PrepareAsync(referral.Id);

        Assert.Equal(("ro-shelter-a", "coordinator"), await setup.AssignmentAsync(referral.Id));
        await using (var db = setup.Harness.Open())
            Assert.Equal(1, await db.History.CountAsync(h => h.ReferralId == referral.Id && h.Kind == PartnerAssignments.HistoryKind));
        Assert.Equal(new DeliveryPass(1, 0, 0), await setup.DeliverAsync());
        // Shelter A's first contact (the press officer) is not authorised: the request goes to its intake.
        Assert.Equal("intake@a.example.org", Assert.Single(setup.Sender.Sent).To.Address);
    }

    [Fact]
    public async Task A_query_that_finds_nobody_holds_the_request_with_an_incident_until_an_assignment_and_a_retry_send_it()
    {
        await using var setup = await Setup.CreateAsync("sqlite", "query_nobody");
        var referral = await setup.StartAsync("BG");

        await setup.PrepareAsync(referral.Id);

        Assert.Null(await setup.AssignmentAsync(referral.Id));
        OutboxMessage request;
        await using (var db = setup.Harness.Open())
        {
            request = await db.OutboxMessages.SingleAsync(m => m.ReferralId == referral.Id && m.Kind == OutboxKinds.Request);
            Assert.Equal(OutboxStatus.Dead, request.Status);
            var incident = await db.Incidents.SingleAsync(i => i.ReferralId == referral.Id);
            Assert.Equal((request.Id, "ask-placement"), (incident.TokenId, incident.StepId));
            Assert.Equal(
                "The directory query of step 'ask-placement' found nobody to play 'receiving': it asks for an active ngo in BG offering " +
                "'shelter' with a contact authorised to accept referrals, and the directory has none. Assign an organisation with " +
                $"'referralflow partners assign {referral.CaseCode} --role receiving --organisation ID' (candidates: 'referralflow partners " +
                $"list --kind ngo --service shelter'), then 'referralflow referrals retry {referral.CaseCode}' sends the request.",
                incident.Message);
            Assert.Equal(request.LastError, incident.Message);
            Assert.Equal(1, (await db.Referrals.SingleAsync(r => r.Id == referral.Id)).OpenIncidents);
            // The network learns where it has nobody: place, service, kind, date and case code.
            var gap = Assert.Single(await PartnershipGaps.ListAsync(db));
            Assert.Equal(("BG", "shelter", "ngo", referral.CaseCode, "ask-placement", setup.Harness.Clock.GetUtcNow()),
                (gap.Country, gap.Service, gap.Kind, gap.CaseCode, gap.StepId, gap.RecordedAt));
            Assert.Empty(await PartnershipGaps.ListAsync(db, country: "RO"));
        }
        Assert.Equal(new DeliveryPass(0, 0, 0), await setup.DeliverAsync());

        await setup.AssignAsync(referral.Id, "ro-shelter-b");
        await setup.ConsentAsync(referral.Id, "ro-shelter-b");
        await setup.Harness.Runtime.RetryIncidentsAsync(referral.Id, Actor.Operator("coordinator"));

        Assert.Equal(new DeliveryPass(1, 0, 0), await setup.DeliverAsync());
        Assert.Equal(("intake@b.example.org", MessageIds.For(request.Id)),
            (Assert.Single(setup.Sender.Sent).To.Address, setup.Sender.Sent[0].MessageId));
        await using (var db = setup.Harness.Open())
        {
            Assert.NotNull((await db.Incidents.SingleAsync(i => i.ReferralId == referral.Id)).ResolvedAt);
            Assert.Equal(0, (await db.Referrals.SingleAsync(r => r.Id == referral.Id)).OpenIncidents);
        }
    }

    [Fact]
    public async Task A_request_re_queued_to_a_partner_without_consent_is_held_at_delivery_until_the_consent_is_recorded()
    {
        await using var setup = await Setup.CreateAsync("sqlite", "query_held_at_delivery");
        var referral = await setup.StartAsync("BG");
        await setup.PrepareAsync(referral.Id);
        // Queued while nobody played the role, so the gate had no recipient to check; assigned and retried since.
        await setup.AssignAsync(referral.Id, "ro-shelter-b");
        await setup.Harness.Runtime.RetryIncidentsAsync(referral.Id, Actor.Operator("coordinator"));

        Assert.Equal(new DeliveryPass(0, 0, 0) { Held = 1 }, await setup.DeliverAsync());

        Assert.Empty(setup.Sender.Sent);
        await using (var db = setup.Harness.Open())
        {
            Assert.False(await db.OutboxMessages.AnyAsync(m => m.ReferralId == referral.Id && m.Kind == OutboxKinds.Request));
            var held = await db.HeldRequests.SingleAsync(h => h.ReferralId == referral.Id);
            var task = await db.Tasks.SingleAsync(t => t.Id == held.TaskId);
            Assert.Equal(WorkTaskStatus.Open, task.Status);
            Assert.Contains("--recipient ro-shelter-b --purpose refer", task.Title);
        }

        await setup.ConsentAsync(referral.Id, "ro-shelter-b");

        Assert.Equal(new DeliveryPass(1, 0, 0), await setup.DeliverAsync());
        Assert.Equal("intake@b.example.org", Assert.Single(setup.Sender.Sent).To.Address);
    }

    [Fact]
    public async Task An_unset_country_variable_is_named_in_the_incident()
    {
        await using var setup = await Setup.CreateAsync("sqlite", "query_no_country");
        var referral = await setup.StartAsync(country: null);

        await setup.PrepareAsync(referral.Id);

        await using var db = setup.Harness.Open();
        var incident = await db.Incidents.SingleAsync(i => i.ReferralId == referral.Id);
        Assert.Contains("it asks for an active ngo in the country of 'return.country' (not set yet) offering 'shelter'", incident.Message);
    }
}

/// <summary>The shipped use: child-return's alternative placement names its partner by a query on return.country.</summary>
public class ShippedDirectoryQueryTests
{
    [Fact]
    public async Task Child_return_asks_an_ngo_with_a_shelter_in_the_return_country_when_no_receiving_organisation_is_assigned()
    {
        await using var harness = await RuntimeHarness.CreateAsync("sqlite", "query_child_return");
        await Directories.ImportDemoAsync(harness.Database);
        var referral = await harness.Runtime.StartAsync("child-return",
            new Dictionary<string, JsonNode?> { ["return.country"] = JsonValue.Create("RO") }, Actor.Operator("caseworker"));
        foreach (var (step, outcome) in new[]
                 {
                     ("intake-identification", "identified"), ("appoint-guardian", "guardian-appointed"),
                     ("risk-needs-assessment", "assessed"), ("hear-child-views", "views-recorded"),
                 })
        {
            Guid taskId;
            await using (var db = harness.Open())
                taskId = await db.Tasks.Where(t => t.ReferralId == referral.Id && t.StepId == step && t.Status == WorkTaskStatus.Open)
                    .Select(t => t.Id).SingleAsync();
            await harness.Runtime.CompleteTaskWithoutFormAsync(taskId, outcome, new Dictionary<string, JsonNode?>(), Actor.Operator("caseworker"));
        }
        Guid assessment;
        await using (var db = harness.Open())
        {
            assessment = await db.HandOffs.Where(h => h.ReferralId == referral.Id && h.StepId == "family-assessment").Select(h => h.Id).SingleAsync();
            Assert.False(await db.PartnerAssignments.AnyAsync(a => a.ReferralId == referral.Id));
        }

        await harness.Runtime.AnswerHandOffAsync(assessment, "not-safe", new Dictionary<string, JsonNode?>(), Actor.Operator("caseworker"), "phone");

        await using var read = harness.Open();
        Assert.True(await read.HandOffs.AnyAsync(h => h.ReferralId == referral.Id && h.StepId == "alternative-placement"));
        var assigned = await (from a in read.PartnerAssignments join o in read.Organisations on a.OrganisationId equals o.Id
                              where a.ReferralId == referral.Id select new { a.Role, o.Key, a.AssignedBy }).SingleAsync();
        // ADPARE: the active Romanian NGO offering shelter (Caritas Bucharest, the other one, is inactive).
        Assert.Equal(("receiving", "ro-adpare", "directory"), (assigned.Role, assigned.Key, assigned.AssignedBy));
        Assert.Equal(0, (await read.Referrals.SingleAsync(r => r.Id == referral.Id)).OpenIncidents);
    }
}

/// <summary>The workflow loader checks a "find" against its own copy of the directory's words (the engine knows no
/// directory): the copies must stay equal.</summary>
public class DirectoryQueryVocabularyTests
{
    [Fact]
    public void The_loaders_kinds_and_services_are_the_directorys()
    {
        Assert.Equal(OrganisationKinds.All, Engine.Definitions.PartnerQuery.Kinds);
        Assert.Equal(PartnerServices.All, Engine.Definitions.PartnerQuery.Services);
    }
}
