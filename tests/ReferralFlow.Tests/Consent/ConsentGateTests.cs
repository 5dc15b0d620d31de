using ReferralFlow.Core.Acting;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core;
using ReferralFlow.Core.Consent;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.Outbox;
using ReferralFlow.Core.Queries;
using ReferralFlow.Core.Tasks;
using ReferralFlow.Tests.Persistence;

namespace ReferralFlow.Tests.Consent;

/// <summary>Issue 4 §2: a partner request goes out only under a valid consent for its recipient and purpose.</summary>
public class ConsentGateTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_request_without_consent_is_held_on_a_consent_needed_task_and_recording_consent_sends_it(string provider)
    {
        await using var harness = await ConsentHarness.CreateAsync(provider, "consent_gate");
        var referral = await harness.StartAsync();

        await harness.ReachRequestAsync(referral.Id);

        Guid handOffId, taskId;
        await using (var db = harness.Runtime.Open())
        {
            var handOff = await db.HandOffs.SingleAsync(h => h.ReferralId == referral.Id);
            handOffId = handOff.Id;
            Assert.Equal(HandOffStatus.Requested, handOff.Status);
            Assert.False(await db.OutboxMessages.AnyAsync(m => m.ReferralId == referral.Id && m.Kind == OutboxKinds.Request));
            var held = await db.HeldRequests.SingleAsync();
            Assert.Equal((handOffId, "refer", HeldRequestStatus.Held), (held.HandOffId, held.Purpose, held.Status));
            var inbox = Assert.Single(await TaskQueries.ListOpenAsync(db, referral.Id));
            taskId = inbox.Id;
            Assert.Equal(("ask-shelter", "caseworker", held.TaskId), (inbox.Step, inbox.Role, inbox.Id));
            Assert.Contains("Consent needed before 'accept-referral' goes to Foyer Lumière (fr-foyer): no consent for 'refer' is recorded", inbox.Title);
            Assert.Contains($"referralflow consent record {referral.CaseCode} --recipient fr-foyer --purpose refer", inbox.Title);
            Assert.Contains(await db.History.Where(h => h.ReferralId == referral.Id).Select(h => h.Kind).ToListAsync(), k => k == "consent-needed");
        }
        Assert.Equal(0, (await harness.Delivery().DeliverDueAsync()).Total);

        var recorded = await harness.RecordAsync(referral.Id);

        Assert.Equal(1, recorded.Released);
        Guid requestId;
        await using (var db = harness.Runtime.Open())
        {
            var request = await db.OutboxMessages.SingleAsync(m => m.ReferralId == referral.Id && m.Kind == OutboxKinds.Request);
            requestId = request.Id;
            Assert.Equal(("receiving", "accept-referral", handOffId, OutboxStatus.Pending), (request.Recipient, request.Template, request.HandOffId, request.Status));
            var task = await db.Tasks.SingleAsync(t => t.Id == taskId);
            Assert.Equal((WorkTaskStatus.Completed, ConsentGate.ReleasedOutcome), (task.Status, task.Outcome));
            Assert.Equal((HeldRequestStatus.Released, recorded.Id), ((await db.HeldRequests.SingleAsync()).Status, (await db.HeldRequests.SingleAsync()).ConsentId));
            var kinds = await db.History.Where(h => h.ReferralId == referral.Id).OrderBy(h => h.Id).Select(h => h.Kind).ToListAsync();
            Assert.Equal(["consent-recorded", "request-released"], kinds.Skip(kinds.IndexOf("consent-recorded")).Take(2));
            var audit = await db.AuditEntries.SingleAsync(a => a.Action == "consent.recorded");
            Assert.Equal((referral.Id, $"consent {recorded.Id}"), (audit.ReferralId, audit.Subject));
            Assert.Empty(await TaskQueries.ListOpenAsync(db, referral.Id));
        }

        var pass = await harness.Delivery().DeliverDueAsync();
        Assert.Equal(1, pass.Sent);
        var mail = harness.Mail(requestId);
        Assert.Contains("accueil@foyer-lumiere.example.org", mail.Headers["to"]);
        Assert.StartsWith($"{referral.CaseCode}: ", mail.Subject);
    }

    [Fact]
    public async Task An_expired_consent_does_not_count_but_one_within_its_days_does()
    {
        await using var harness = await ConsentHarness.CreateAsync("sqlite", "consent_expiry");
        var first = await harness.StartAsync();
        var second = await harness.StartAsync();
        await harness.RecordAsync(first.Id, expires: harness.Today.AddDays(5));
        await harness.RecordAsync(second.Id, expires: harness.Today.AddDays(5));

        // Still within its last day: the first request goes out.
        harness.Runtime.Clock.Advance(TimeSpan.FromDays(5));
        await harness.ReachRequestAsync(first.Id);
        // A day later it has expired: the second is held, and the task says why.
        harness.Runtime.Clock.Advance(TimeSpan.FromDays(1));
        await harness.ReachRequestAsync(second.Id);

        await using var db = harness.Runtime.Open();
        Assert.True(await db.OutboxMessages.AnyAsync(m => m.ReferralId == first.Id && m.Kind == OutboxKinds.Request));
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.ReferralId == second.Id && m.Kind == OutboxKinds.Request));
        var task = Assert.Single(await TaskQueries.ListOpenAsync(db, second.Id));
        Assert.Contains($"the consent for 'refer' expired after {harness.Today.AddDays(-1):yyyy-MM-dd}", task.Title);
    }

    [Fact]
    public async Task A_consent_for_another_purpose_or_another_recipient_does_not_count()
    {
        await using var harness = await ConsentHarness.CreateAsync("sqlite", "consent_scope");
        var referral = await harness.StartAsync();
        await harness.RecordAsync(referral.Id, recipient: "fr-foyer", purpose: "share-data");
        await harness.RecordAsync(referral.Id, recipient: "be-refuge", purpose: "refer");

        await harness.ReachRequestAsync(referral.Id);

        await using var db = harness.Runtime.Open();
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.Kind == OutboxKinds.Request));
        Assert.Equal(HeldRequestStatus.Held, (await db.HeldRequests.SingleAsync()).Status);
        Assert.Contains("no consent for 'refer' is recorded", Assert.Single(await TaskQueries.ListOpenAsync(db, referral.Id)).Title);
    }

    [Fact]
    public async Task A_request_to_a_role_without_an_organisation_goes_out_as_before()
    {
        await using var harness = await ConsentHarness.CreateAsync("sqlite", "consent_unassigned");
        var started = await harness.Runtime.Runtime.StartAsync(ConsentHarness.Workflow, new Dictionary<string, JsonNode?>(), Actor.Operator("caseworker"));

        await harness.ReachRequestAsync(started.Id);

        await using var db = harness.Runtime.Open();
        Assert.True(await db.OutboxMessages.AnyAsync(m => m.ReferralId == started.Id && m.Kind == OutboxKinds.Request));
        Assert.False(await db.HeldRequests.AnyAsync());
    }

    [Fact]
    public async Task Reminders_to_the_partner_of_a_held_request_are_held_too_while_staff_escalations_go()
    {
        await using var harness = await ConsentHarness.CreateAsync("sqlite", "consent_reminders");
        var referral = await harness.StartAsync();
        await harness.ReachRequestAsync(referral.Id);

        // Past the reminder (due - 2 days) and the coordinator rung (due + 1 day).
        harness.Runtime.Clock.Advance(TimeSpan.FromDays(11.5));
        Assert.Equal(3, await harness.Runtime.Worker.DrainAsync());

        await using var db = harness.Runtime.Open();
        var messages = await db.OutboxMessages.Where(m => m.ReferralId == referral.Id).Select(m => new { m.Kind, m.Recipient }).ToListAsync();
        var escalation = Assert.Single(messages);
        Assert.Equal((OutboxKinds.Escalation, "coordinator"), (escalation.Kind, escalation.Recipient));
        Assert.Contains(await db.History.Where(h => h.ReferralId == referral.Id).Select(h => h.Kind).ToListAsync(), k => k == "reminder-held");
    }

    [Fact]
    public async Task The_consent_needed_task_closes_only_by_recording_consent_and_goes_with_its_hand_off()
    {
        await using var harness = await ConsentHarness.CreateAsync("sqlite", "consent_task");
        var referral = await harness.StartAsync();
        await harness.ReachRequestAsync(referral.Id);
        Guid taskId, handOffId;
        await using (var db = harness.Runtime.Open())
        {
            var held = await db.HeldRequests.SingleAsync();
            (taskId, handOffId) = (held.TaskId, held.HandOffId);
        }

        var refused = await Assert.ThrowsAsync<ReferralFlowException>(() =>
            harness.Runtime.Runtime.CompleteTaskWithoutFormAsync(taskId, ConsentGate.ReleasedOutcome, new Dictionary<string, JsonNode?>(), Actor.Operator("caseworker")));
        Assert.Contains("closes by itself when the consent is recorded", refused.Message);
        Assert.Contains("--recipient fr-foyer --purpose refer", refused.Message);

        // Nobody answers a request that never went out, not even by phone...
        await Assert.ThrowsAsync<ConsentNeededException>(() => harness.Runtime.Runtime.AnswerHandOffAsync(
            handOffId, "declined", new Dictionary<string, JsonNode?>(), Actor.Operator("caseworker"), HandOffChannels.Phone));
        // ...but when its hand-off closes another way (the referral is withdrawn), the held request and its task go.
        await harness.Runtime.Runtime.WithdrawAsync(referral.Id, Actor.Operator("caseworker"));

        await using var after = harness.Runtime.Open();
        Assert.Equal(HeldRequestStatus.Dropped, (await after.HeldRequests.SingleAsync()).Status);
        Assert.Equal(WorkTaskStatus.Cancelled, (await after.Tasks.SingleAsync(t => t.Id == taskId)).Status);
        Assert.False(await after.OutboxMessages.AnyAsync(m => m.Kind == OutboxKinds.Request));
    }
}
