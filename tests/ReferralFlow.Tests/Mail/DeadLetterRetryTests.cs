using ReferralFlow.Core.Acting;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core;
using ReferralFlow.Core.Mail;
using ReferralFlow.Core.Outbox;

namespace ReferralFlow.Tests.Mail;

/// <summary>A dead-lettered message raises an incident named after the message; <c>referrals retry</c> queues the message
/// again with its attempts reset and resolves the incident, instead of finding "no faulted step".</summary>
public class DeadLetterRetryTests
{
    [Fact]
    public async Task Retrying_after_the_cause_is_fixed_requeues_the_dead_message_resolves_its_incident_and_sends_it()
    {
        await using var mail = await MailHarness.CreateAsync("sqlite", "retry_dead");
        var receiving = mail.AddressBook.Contacts["receiving"];
        mail.AddressBook.Contacts.Remove("receiving");
        var referral = await mail.StartAsync();
        var sender = new CapturingSender();

        Assert.Equal(new DeliveryPass(1, 0, 1), await mail.Delivery(sender).DeliverDueAsync());
        var request = (await mail.OutboxAsync(referral.Id)).Single(m => m.Kind == OutboxKinds.Request);
        Assert.Equal((OutboxStatus.Dead, 1), (request.Status, request.Attempts));
        await using (var db = mail.Runtime.Open())
            Assert.Equal(request.Id, (await db.Incidents.SingleAsync(i => i.ReferralId == referral.Id && i.ResolvedAt == null)).TokenId);

        mail.AddressBook.Contacts["receiving"] = receiving;
        mail.Runtime.Clock.Advance(TimeSpan.FromHours(2));
        await mail.Runtime.Runtime.RetryIncidentsAsync(referral.Id, Actor.Operator("coordinator"));

        var requeued = (await mail.OutboxAsync(referral.Id)).Single(m => m.Id == request.Id);
        Assert.Equal((OutboxStatus.Pending, 0, (string?)null, mail.Runtime.Clock.GetUtcNow()),
            (requeued.Status, requeued.Attempts, requeued.LastError, requeued.NextAttemptAt));
        await using (var db = mail.Runtime.Open())
        {
            var incident = await db.Incidents.SingleAsync(i => i.ReferralId == referral.Id);
            Assert.Equal(mail.Runtime.Clock.GetUtcNow(), incident.ResolvedAt);
            Assert.Equal(0, (await db.Referrals.SingleAsync(r => r.Id == referral.Id)).OpenIncidents);
            var retried = await db.History.SingleAsync(h => h.ReferralId == referral.Id && h.Kind == "incident-retried");
            Assert.Equal(("ask-shelter", "coordinator", "request 'accept-referral' to 'receiving' queued again"),
                (retried.StepId, retried.Actor, retried.Detail));
        }

        Assert.Equal(new DeliveryPass(1, 0, 0), await mail.Delivery(sender).DeliverDueAsync());
        Assert.Equal(receiving.Email, sender.Sent[^1].To.Address);
        Assert.Equal(MessageIds.For(request.Id), sender.Sent[^1].MessageId);
        Assert.Equal(OutboxStatus.Sent, (await mail.OutboxAsync(referral.Id)).Single(m => m.Id == request.Id).Status);

        // Nothing is left to retry, and saying so changes nothing.
        var nothing = await Assert.ThrowsAsync<ReferralFlowException>(() => mail.Runtime.Runtime.RetryIncidentsAsync(referral.Id, Actor.Operator("coordinator")));
        Assert.Equal($"Referral {referral.CaseCode} has no open incident to retry.", nothing.Message);
    }
}
