using ReferralFlow.Core.Acting;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReferralFlow.Core.Consent;
using ReferralFlow.Core.Definitions;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.Mail;
using ReferralFlow.Core.Outbox;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Runtime;
using ReferralFlow.Core.Tasks;
using ReferralFlow.Tests.Mail;
using ReferralFlow.Tests.Replies;
using ReferralFlow.Tests.Web;

namespace ReferralFlow.Tests.EndToEnd;

/// <summary>
/// Issue 3 §6, end to end: a referral reaches its accept-referral request, the outbox delivery (built from the web
/// host's own services) sends it through the real SMTP server ./test.sh starts, the message arrives in the Maildir
/// in the contact's language, the link in it is followed against the running web host and answered, the hand-off
/// is accepted and the workflow advances, and the sender's outcome notice arrives too.
/// </summary>
public partial class EmailedReplyTests
{
    private const string Directory = """
        network: { coordinator: net-desk }
        organisations:
          - id: network-office
            name: Network Office
            kind: other
            country: BE
            contacts:
              - { id: net-desk, name: Desk, email: desk@network.example.org, language: en, authorised: true }
          - id: fr-foyer-e2e
            name: Foyer de test
            kind: shelter
            country: FR
            services: [shelter, reintegration]
            lastVerifiedOn: 2026-05-01
            contacts:
              - { id: fr-e2e-press, name: Press Officer, email: presse@foyer-e2e.example.org, language: en, authorised: false, backup: fr-e2e-intake }
              - { id: fr-e2e-intake, name: Accueil, email: accueil@foyer-e2e.example.org, language: fr, authorised: true }
        """;

    [Fact]
    public async Task A_request_mailed_through_SMTP_is_answered_through_its_link_and_the_sender_is_told()
    {
        await using var app = ReplyApp.Start();
        var services = app.App.Services;

        // A tiny directory: the receiving shelter's authorised contact reads French, its press officer English.
        await using (var db = app.App.OpenDb())
        {
            var imported = await DirectoryImport.ImportAsync(db, Directory, DirectoryFormat.Yaml, "e2e.yaml");
            Assert.True(imported.Applied, string.Join("\n", imported.Problems));
        }

        // A transnational return carried through its caseworker tasks up to the accept-referral request.
        var runtime = app.Runtime;
        var started = await runtime.StartAsync("transnational-return", new Dictionary<string, JsonNode?>(), Actor.Operator("caseworker"));
        await using (var db = app.App.OpenDb())
            await PartnerAssignments.AssignAsync(db, services.GetRequiredService<WorkflowLibrary>(), started.Id, "receiving",
                "fr-foyer-e2e", "caseworker", app.Clock.GetUtcNow());
        // The person agreed to be referred to the shelter: without it the consent gate would hold the request.
        await ConsentRecording.RecordAsync(app.App.OpenDb, app.Clock,
            new ConsentInput(started.Id, "fr-foyer-e2e", "refer", "written", "person", false), Actor.Operator("caseworker"));
        await CompleteAsync(app, started.Id, "intake-identification", "identified", ("referral.source", "ngo"));
        await CompleteAsync(app, started.Id, "risk-needs-assessment", "assessed", ("risk.level", "low"));
        await CompleteAsync(app, started.Id, "informed-choice", "return");

        Guid handOffId, requestId;
        await using (var db = app.App.OpenDb())
        {
            handOffId = (await db.HandOffs.SingleAsync(h => h.ReferralId == started.Id && h.StepId == "accept-referral")).Id;
            requestId = (await db.OutboxMessages.SingleAsync(m => m.ReferralId == started.Id && m.HandOffId == handOffId && m.Kind == OutboxKinds.Request)).Id;
        }

        // The worker's delivery, with the host's address book, templates and reply tokens, through the real server.
        var delivery = new OutboxDelivery(
            services.GetRequiredService<Func<ReferralFlowDb>>(),
            services.GetRequiredService<IAddressBook>(),
            MailHarness.RealServer(),
            services.GetRequiredService<TemplateSet>(),
            new TokenReplyLinks(app.Links),
            services.GetRequiredService<WorkflowLibrary>(),
            services.GetRequiredService<MailSettings>(),
            services.GetRequiredService<TimeProvider>());

        var first = await delivery.DeliverDueAsync();
        Assert.True(first.Sent >= 1, $"first pass: {first}");
        await using (var db = app.App.OpenDb())
            Assert.Equal(OutboxStatus.Sent, (await db.OutboxMessages.SingleAsync(m => m.Id == requestId)).Status);

        // It arrived in the Maildir, in French, addressed to the authorised contact only.
        var request = Assert.Single(MailHarness.Delivered([requestId]));
        Assert.Equal("fr", request.Headers["content-language"]);
        Assert.Contains("accueil@foyer-e2e.example.org", request.Headers["to"]);
        Assert.DoesNotContain("presse@", request.Headers["to"]);
        Assert.StartsWith($"{started.CaseCode} : ", request.Subject);
        Assert.Contains($"sous le code de dossier {started.CaseCode}", request.Text);
        var link = AcceptLink().Match(request.Text);
        Assert.True(link.Success, $"no 'Acceptation' link in:\n{request.Text}");
        var path = new Uri(link.Groups[1].Value).AbsolutePath;

        // The partner follows the link against the running host and accepts.
        var page = await FormPosts.GetPageAsync(app.Client, path);
        Assert.Contains(started.CaseCode, page);
        await using (var db = app.App.OpenDb())
            Assert.Equal(HandOffStatus.Received, (await db.HandOffs.SingleAsync(h => h.Id == handOffId)).Status);
        var answered = await FormPosts.PostAsync(app.Client, path, page, ("contactPerson", "Duty officer"));
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Contains("is recorded and the sender has been told", await answered.Content.ReadAsStringAsync());

        Guid noticeId;
        await using (var db = app.App.OpenDb())
        {
            var handOff = await db.HandOffs.SingleAsync(h => h.Id == handOffId);
            Assert.Equal((HandOffStatus.Completed, "accepted", HandOffChannels.Link), (handOff.Status, handOff.Outcome, handOff.Channel));
            // The workflow moved on to preparing the return.
            Assert.True(await db.Tasks.AnyAsync(t => t.ReferralId == started.Id && t.StepId == "book-travel" && t.Status == WorkTaskStatus.Open));
            Assert.True(await db.HandOffs.AnyAsync(h => h.ReferralId == started.Id && h.StepId == "request-travel-documents" && h.Status == HandOffStatus.Requested));
            var notice = await db.OutboxMessages.SingleAsync(m => m.ReferralId == started.Id && m.Kind == OutboxKinds.Notice && m.Template == "outcome-notice");
            Assert.Equal(("coordinator", handOffId, OutboxStatus.Pending), (notice.Recipient, notice.HandOffId, notice.Status));
            noticeId = notice.Id;
        }

        // The next delivery pass sends the sender's outcome notice.
        await delivery.DeliverDueAsync();
        await using (var db = app.App.OpenDb())
            Assert.Equal(OutboxStatus.Sent, (await db.OutboxMessages.SingleAsync(m => m.Id == noticeId)).Status);
        var outcome = Assert.Single(MailHarness.Delivered([noticeId]));
        Assert.Equal("en", outcome.Headers["content-language"]);
        // Started without a sending organisation: the network's coordinator hears of the answer.
        Assert.Contains("desk@network.example.org", outcome.Headers["to"]);
        Assert.StartsWith($"{started.CaseCode}: answer received", outcome.Subject);
        Assert.DoesNotContain("/reply/", outcome.Text);
    }

    private static async Task CompleteAsync(ReplyApp app, Guid referralId, string step, string outcome, params (string Name, string Value)[] data)
    {
        Guid taskId;
        await using (var db = app.App.OpenDb())
            taskId = await db.Tasks.Where(t => t.ReferralId == referralId && t.StepId == step && t.Status == WorkTaskStatus.Open)
                .Select(t => t.Id).SingleAsync();
        await app.Runtime.CompleteTaskWithoutFormAsync(taskId, outcome, data.ToDictionary(d => d.Name, d => (JsonNode?)JsonValue.Create(d.Value)), Actor.Operator("caseworker"));
    }

    [GeneratedRegex(@"Acceptation\s*:\s*(https?://\S+/reply/[A-Za-z0-9_-]{43})")]
    private static partial Regex AcceptLink();
}
