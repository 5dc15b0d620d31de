using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Mail;
using ReferralFlow.Core.Outbox;

namespace ReferralFlow.Tests.Mail;

/// <summary>The mail server is down: nothing is lost, attempts back off, and the coordinator hears of what never went out.</summary>
public class OutageTests
{
    [Fact]
    public async Task While_the_server_is_down_messages_wait_with_growing_backoff_and_all_arrive_once_it_is_back()
    {
        await using var mail = await MailHarness.CreateAsync("sqlite", "outage");
        var referral = await mail.StartAsync();
        var down = mail.Delivery(MailHarness.ClosedPort());
        var gaps = new List<TimeSpan>();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            Assert.Equal(new DeliveryPass(0, 2, 0), await down.DeliverDueAsync());
            // Nothing is due again before its backoff has passed.
            Assert.Equal(new DeliveryPass(0, 0, 0), await down.DeliverDueAsync());
            var rows = await mail.OutboxAsync(referral.Id);
            Assert.All(rows, row =>
            {
                Assert.Equal((OutboxStatus.Pending, attempt), (row.Status, row.Attempts));
                Assert.Contains("Failure sending mail", row.LastError);
            });
            var next = rows.Select(r => r.NextAttemptAt).Distinct().Single();
            gaps.Add(next - mail.Runtime.Clock.GetUtcNow());
            mail.Runtime.Clock.AdvanceTo(next);
        }
        Assert.Equal([1, 2, 4, 8], gaps.Select(g => g.TotalMinutes));

        var up = mail.Delivery(MailHarness.RealServer());
        Assert.Equal(new DeliveryPass(2, 0, 0), await up.DeliverDueAsync());
        Assert.Equal(new DeliveryPass(0, 0, 0), await up.DeliverDueAsync());

        var sent = await mail.OutboxAsync(referral.Id);
        Assert.All(sent, row => Assert.Equal((OutboxStatus.Sent, 5, (string?)null), (row.Status, row.Attempts, row.LastError)));
        var delivered = MailHarness.Delivered(sent.Select(r => r.Id));
        Assert.Equal(sent.Select(r => MessageIds.For(r.Id)).Order(), delivered.Select(m => m.MessageId!).Order());
    }

    [Fact]
    public async Task After_the_last_attempt_the_message_is_dead_lettered_with_an_incident_for_the_coordinator()
    {
        await using var mail = await MailHarness.CreateAsync("sqlite", "dead_letter");
        var referral = await mail.StartAsync();
        var down = mail.Delivery(MailHarness.ClosedPort(), maxAttempts: 3);

        Assert.Equal(new DeliveryPass(0, 2, 0), await down.DeliverDueAsync());
        mail.Runtime.Clock.Advance(Backoff.After(1));
        Assert.Equal(new DeliveryPass(0, 2, 0), await down.DeliverDueAsync());
        mail.Runtime.Clock.Advance(Backoff.After(2));
        Assert.Equal(new DeliveryPass(0, 0, 2), await down.DeliverDueAsync());
        mail.Runtime.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(new DeliveryPass(0, 0, 0), await mail.Delivery(MailHarness.RealServer()).DeliverDueAsync());

        var rows = await mail.OutboxAsync(referral.Id);
        Assert.All(rows, row => Assert.Equal((OutboxStatus.Dead, 3), (row.Status, row.Attempts)));
        await using var db = mail.Runtime.Open();
        var incidents = await db.Incidents.Where(i => i.ReferralId == referral.Id).ToListAsync();
        Assert.Equal(rows.Select(r => r.Id).Order(), incidents.Select(i => i.TokenId).Order());
        Assert.All(incidents, incident =>
        {
            Assert.Contains("could not be delivered in 3 attempts", incident.Message);
            Assert.Contains(MailSettings.Smtp, incident.Message);
        });
        Assert.Equal(2, (await db.Referrals.SingleAsync(r => r.Id == referral.Id)).OpenIncidents);

        var handOffId = rows.Single(r => r.Kind == OutboxKinds.Request).HandOffId!.Value;
        var status = Assert.Single(await DeliveryStatus.ForHandOffAsync(db, handOffId));
        Assert.Equal((DeliveryStatus.Failed, 3), (status.State, status.Attempts));
        Assert.Contains("Failure sending mail", status.LastError);
    }

    [Fact]
    public async Task A_recipient_the_directory_cannot_resolve_is_dead_lettered_at_once_with_an_incident_saying_what_to_fix()
    {
        await using var mail = await MailHarness.CreateAsync("sqlite", "no_address");
        mail.AddressBook.Contacts.Remove("border-police");
        var referral = await mail.StartAsync();

        Assert.Equal(new DeliveryPass(1, 0, 1), await mail.Delivery(MailHarness.RealServer()).DeliverDueAsync());

        var notice = (await mail.OutboxAsync(referral.Id)).Single(m => m.Kind == OutboxKinds.Notice);
        Assert.Equal((OutboxStatus.Dead, 1), (notice.Status, notice.Attempts));
        await using var db = mail.Runtime.Open();
        var incident = await db.Incidents.SingleAsync(i => i.ReferralId == referral.Id);
        Assert.Equal(
            "The notice 'departure-notice' of step 'tell-police' was not sent: the partner directory has no e-mail address for the " +
            "'border-police' of this referral. Give that role an authorised contact with an e-mail address in the partner directory.",
            incident.Message);
    }
}
