using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Mail;

namespace ReferralFlow.Tests.Mail;

public class DeliveryStatusTests
{
    [Fact]
    public async Task A_hand_off_shows_its_request_queued_with_the_last_error_then_sent_with_the_time()
    {
        await using var mail = await MailHarness.CreateAsync("sqlite", "delivery_status");
        var referral = await mail.StartAsync();
        Guid handOffId;
        await using (var db = mail.Runtime.Open())
        {
            handOffId = (await db.HandOffs.SingleAsync(h => h.ReferralId == referral.Id)).Id;
            var fresh = Assert.Single(await DeliveryStatus.ForHandOffAsync(db, handOffId));
            Assert.Equal((DeliveryStatus.Queued, 0, (string?)null, mail.Runtime.Clock.GetUtcNow()), (fresh.State, fresh.Attempts, fresh.LastError, fresh.At));
        }

        await mail.Delivery(MailHarness.ClosedPort()).DeliverDueAsync();
        await using (var db = mail.Runtime.Open())
        {
            var waiting = Assert.Single(await DeliveryStatus.ForHandOffAsync(db, handOffId));
            Assert.Equal((DeliveryStatus.Queued, 1, mail.Runtime.Clock.GetUtcNow() + Backoff.First), (waiting.State, waiting.Attempts, waiting.At));
            Assert.Contains("Failure sending mail", waiting.LastError);
        }

        mail.Runtime.Clock.Advance(TimeSpan.FromMinutes(3));
        await mail.Delivery(MailHarness.RealServer()).DeliverDueAsync();
        await using (var db = mail.Runtime.Open())
        {
            var sent = Assert.Single(await DeliveryStatus.ForHandOffAsync(db, handOffId));
            Assert.Equal((DeliveryStatus.Sent, 2, (string?)null, mail.Runtime.Clock.GetUtcNow()), (sent.State, sent.Attempts, sent.LastError, sent.At));
            Assert.Equal(2, (await DeliveryStatus.ForReferralAsync(db, referral.Id)).Count);
            Assert.Equal(DeliveryStatus.Sent, (await DeliveryStatus.LatestByHandOffAsync(db, [handOffId]))[handOffId].State);
        }
    }
}
