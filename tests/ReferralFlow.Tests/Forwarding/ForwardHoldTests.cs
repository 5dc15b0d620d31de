using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Acting;
using ReferralFlow.Core.Forwarding;
using ReferralFlow.Core.Outbox;
using ReferralFlow.Core.Partners;
using ReferralFlow.Tests.Consent;
using ReferralFlow.Tests.Mail;
using ReferralFlow.Tests.Persistence;

namespace ReferralFlow.Tests.Forwarding;

/// <summary>Issue 9 §2: while the address a partner proposed waits for the sending caseworker, and after it is declined,
/// reminders and the backup rung would go to the organisation that said it cannot help: they are held. Escalations to
/// staff still go. A referral where nobody forwarded runs beside it on the same clock, to show what would have gone.</summary>
public class ForwardHoldTests
{
    private static readonly Actor Caseworker = Actor.Operator("caseworker");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Reminders_and_the_backup_rung_are_held_while_an_address_waits_and_after_it_is_declined_and_the_coordinator_is_told(string provider)
    {
        await using var harness = await ConsentHarness.WithLadderAsync(provider, "forward_hold", ConsentHarness.BackupLadder);
        // Both requests are due ten days after this: reminder on day 8, backup on day 11, coordinator on day 12.
        var (forwarded, _, _, proposal) = await ForwardDeclineTests.ProposedAsync(harness);
        var plain = await harness.StartAsync("fr-foyer");
        await harness.RecordAsync(plain.Id, "fr-foyer");
        await harness.ReachRequestAsync(plain.Id);

        harness.Runtime.Clock.Advance(TimeSpan.FromDays(8.5));
        await harness.Runtime.Worker.DrainAsync();
        Assert.Equal([(OutboxKinds.Reminder, "receiving")], await ChasingAsync(harness, plain.Id));
        Assert.Empty(await ChasingAsync(harness, forwarded));
        Assert.Equal(["reminder to receiving not sent: fr-foyer cannot help and the address it proposed awaits confirmation on the referral page"],
            await HeldAsync(harness, forwarded));

        await ForwardDecline.DeclineAsync(harness.Runtime.Open, harness.Runtime.Clock, forwarded, proposal.Id, Caseworker, CancellationToken.None);
        harness.Runtime.Clock.Advance(TimeSpan.FromDays(3));
        await harness.Runtime.Worker.DrainAsync();
        Assert.Equal([(OutboxKinds.Reminder, "receiving"), (OutboxKinds.Escalation, "backup")], await ChasingAsync(harness, plain.Id));
        Assert.Empty(await ChasingAsync(harness, forwarded));
        Assert.StartsWith("escalation to backup not sent: fr-foyer cannot help and the address it proposed was declined", (await HeldAsync(harness, forwarded))[1]);

        harness.Runtime.Clock.Advance(TimeSpan.FromDays(1));
        await harness.Runtime.Worker.DrainAsync();
        Assert.Equal([(OutboxKinds.Escalation, "coordinator")], await ChasingAsync(harness, forwarded));

        await harness.Delivery(MailHarness.RealServer()).DeliverDueAsync();
        await using var db = harness.Runtime.Open();
        var sent = await db.OutboxMessages.Where(m => m.Kind != OutboxKinds.Request).ToListAsync();
        Assert.All(sent, m => Assert.Equal(OutboxStatus.Sent, m.Status));
        string To(Guid referral, string kind, string recipient) => Assert.Single(MailHarness.Delivered(
            [sent.Single(m => m.ReferralId == referral && m.Kind == kind && m.Recipient == recipient).Id])).Headers["to"];
        Assert.Contains("coordination@reseau.example.org", To(forwarded, OutboxKinds.Escalation, Recipients.Coordinator));
        // What the plain referral's partner got, and the forwarded one's did not.
        Assert.Contains("accueil@foyer-lumiere.example.org", To(plain.Id, OutboxKinds.Reminder, "receiving"));
        Assert.Contains("nuit@foyer-lumiere.example.org", To(plain.Id, OutboxKinds.Escalation, Recipients.Backup));
    }

    [Fact]
    public async Task Reassigning_the_role_after_a_decline_moves_the_request_and_its_reminders_go_to_the_new_organisation()
    {
        await using var harness = await ConsentHarness.WithLadderAsync("sqlite", "forward_hold_reassign", ConsentHarness.BackupLadder);
        var (referralId, _, _, proposal) = await ForwardDeclineTests.ProposedAsync(harness);
        await ForwardDecline.DeclineAsync(harness.Runtime.Open, harness.Runtime.Clock, referralId, proposal.Id, Caseworker, CancellationToken.None);
        await harness.RecordAsync(referralId, "be-refuge");

        var (_, moved) = await RoleReassignment.AssignAsync(harness.Runtime.Open, harness.Runtime.Library, harness.Runtime.Clock, referralId,
            "receiving", "be-refuge", Actor.Operator("coordinator"));

        // Foyer had the request and is told it moved.
        Assert.Equal(("fr-foyer", "be-refuge", true), (Assert.Single(moved).From.Key, moved[0].To.Key, moved[0].FromTold));
        await using (var db = harness.Runtime.Open())
            Assert.Empty(await ForwardDecline.UnaskedAsync(db, referralId, CancellationToken.None));
        harness.Runtime.Clock.Advance(TimeSpan.FromDays(11.5));
        await harness.Runtime.Worker.DrainAsync();
        // One drain fires both at the same virtual instant, so their order in the outbox is not defined.
        Assert.Equal([(OutboxKinds.Escalation, "backup"), (OutboxKinds.Reminder, "receiving")], (await ChasingAsync(harness, referralId)).Order());
        Assert.Empty(await HeldAsync(harness, referralId));
    }

    [Fact]
    public async Task An_address_still_waiting_when_the_role_is_reassigned_is_superseded_and_can_no_longer_be_confirmed()
    {
        await using var harness = await ConsentHarness.CreateAsync("sqlite", "forward_superseded");
        var (referralId, _, _, proposal) = await ForwardDeclineTests.ProposedAsync(harness);

        await RoleReassignment.AssignAsync(harness.Runtime.Open, harness.Runtime.Library, harness.Runtime.Clock, referralId,
            "receiving", "be-refuge", Actor.Operator("coordinator"));

        await using (var db = harness.Runtime.Open())
        {
            var forward = await db.HandOffForwards.SingleAsync();
            Assert.Equal((ForwardStatus.Superseded, "coordinator"), (forward.Status, forward.DecidedBy));
            Assert.Empty(await ForwardConfirmation.AwaitingAsync(db, referralId, CancellationToken.None));
        }
        var refused = await Assert.ThrowsAsync<Core.ReferralFlowException>(() => ForwardConfirmation.ConfirmAsync(harness.Runtime.Open,
            harness.Runtime.Library, harness.Runtime.Clock, referralId, proposal.Id, "be-refuge", Caseworker, CancellationToken.None));
        Assert.Equal("This forward was already superseded; nothing was changed.", refused.Message);
    }

    /// <summary>Reminders and escalations queued for a referral, oldest first.</summary>
    private static async Task<List<(string Kind, string Recipient)>> ChasingAsync(ConsentHarness harness, Guid referralId)
    {
        await using var db = harness.Runtime.Open();
        return [.. (await db.OutboxMessages.Where(m => m.ReferralId == referralId && (m.Kind == OutboxKinds.Reminder || m.Kind == OutboxKinds.Escalation))
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Select(m => new { m.Kind, m.Recipient }).ToListAsync()).Select(m => (m.Kind, m.Recipient))];
    }

    private static async Task<List<string>> HeldAsync(ConsentHarness harness, Guid referralId)
    {
        await using var db = harness.Runtime.Open();
        return [.. (await db.History.Where(h => h.ReferralId == referralId && h.Kind == CannotHelp.ReminderHeldHistory)
            .OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => h.Detail).ToListAsync()).Select(d => d ?? "")];
    }
}
