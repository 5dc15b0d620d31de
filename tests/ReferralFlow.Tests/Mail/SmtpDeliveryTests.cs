using ReferralFlow.Core.Acting;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Mail;
using ReferralFlow.Core.Outbox;
using ReferralFlow.Tests.Persistence;

namespace ReferralFlow.Tests.Mail;

/// <summary>End to end through the real SMTP server that ./test.sh starts (aiosmtpd writing a Maildir).</summary>
public class SmtpDeliveryTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_partner_request_and_a_notice_arrive_in_each_contacts_language_with_a_stable_Message_ID(string provider)
    {
        await using var mail = await MailHarness.CreateAsync(provider, "smtp_delivery");
        var referral = await mail.StartAsync();
        var queued = await mail.OutboxAsync(referral.Id);
        var request = queued.Single(m => m.Kind == OutboxKinds.Request);
        var notice = queued.Single(m => m.Kind == OutboxKinds.Notice);

        var pass = await mail.Delivery(MailHarness.RealServer()).DeliverDueAsync();

        Assert.Equal(new DeliveryPass(2, 0, 0), pass);
        var delivered = MailHarness.Delivered([request.Id, notice.Id]);
        var toShelter = Assert.Single(delivered, m => m.MessageId == $"<{request.Id:D}@referralflow>");
        Assert.Equal($"{referral.CaseCode} : l'acceptation de l'orientation et l'accompagnement de la personne (délai 2027-01-07 09:00 UTC)", toShelter.Subject);
        Assert.Equal("fr", toShelter.Headers["content-language"]);
        Assert.Contains("accueil@foyer-lumiere.example.org", toShelter.Headers["to"]);
        Assert.Contains("coordonare@adpare.example.org", toShelter.Headers["reply-to"]);
        Assert.Contains($"sous le code de dossier {referral.CaseCode}", toShelter.Text);
        // One single-use link per answer, carrying only a random token.
        Assert.Matches(@"- Acceptation: https://referrals\.example\.org/reply/[A-Za-z0-9_-]{43}\r?\n", toShelter.Text);
        Assert.Matches(@"<a href=""https://referrals\.example\.org/reply/[A-Za-z0-9_-]{43}"">Refus</a>", toShelter.Html);
        // "timeout" is the escalation ladder's outcome, not an answer the partner can give.
        Assert.DoesNotContain("timeout", toShelter.Text);

        var toPolice = Assert.Single(delivered, m => m.MessageId == $"<{notice.Id:D}@referralflow>");
        Assert.Equal(($"{referral.CaseCode}: Mitteilung über die Abreise", "de"), (toPolice.Subject, toPolice.Headers["content-language"]));
        Assert.Contains("lagezentrum@grenzpolizei.example.org", toPolice.Headers["to"]);

        foreach (var row in await mail.OutboxAsync(referral.Id))
            Assert.Equal((OutboxStatus.Sent, 1, (string?)null, (DateTimeOffset?)mail.Runtime.Clock.GetUtcNow()), (row.Status, row.Attempts, row.LastError, row.SentAt));
        Assert.Equal(new DeliveryPass(0, 0, 0), await mail.Delivery(MailHarness.RealServer()).DeliverDueAsync());
        Assert.Equal(2, MailHarness.Delivered([request.Id, notice.Id]).Count);
    }

    [Fact]
    public async Task Reminder_backup_reminder_and_escalation_reach_the_contact_the_backup_and_the_coordinator()
    {
        await using var mail = await MailHarness.CreateAsync("sqlite", "smtp_ladder");
        var referral = await mail.StartAsync();
        var server = mail.Delivery(MailHarness.RealServer());
        await server.DeliverDueAsync();

        // Due 3 days after the start: reminder a day before, backup a day after, coordinator two days after.
        mail.Runtime.Clock.Advance(TimeSpan.FromDays(5) + TimeSpan.FromHours(1));
        await mail.Runtime.Worker.DrainAsync();
        Assert.Equal(new DeliveryPass(3, 0, 0), await server.DeliverDueAsync());

        var ladder = (await mail.OutboxAsync(referral.Id)).Where(m => m.Kind is OutboxKinds.Reminder or OutboxKinds.Escalation).ToList();
        var delivered = MailHarness.Delivered(ladder.Select(m => m.Id)).ToDictionary(m => m.MessageId!);
        MailFile Of(string recipient) => delivered[MessageIds.For(ladder.Single(m => m.Recipient == recipient).Id)];
        Assert.StartsWith($"Rappel – {referral.CaseCode} :", Of("receiving").Subject);
        Assert.Contains("accueil@foyer-lumiere.example.org", Of("receiving").Headers["to"]);
        Assert.StartsWith($"Rappel – {referral.CaseCode} :", Of("backup").Subject);
        Assert.Contains("direction@foyer-lumiere.example.org", Of("backup").Headers["to"]);
        Assert.Matches(@"https://referrals\.example\.org/reply/[A-Za-z0-9_-]{43}", Of("backup").Text);
        Assert.StartsWith($"Escaladare – {referral.CaseCode}:", Of("coordinator").Subject);
        Assert.Contains($"https://referrals.example.org/referrals/{referral.Id:D}", Of("coordinator").Text);
        Assert.DoesNotContain("/reply/", Of("coordinator").Text);
    }

    [Fact]
    public async Task A_request_answered_by_phone_before_it_went_out_is_not_sent()
    {
        await using var mail = await MailHarness.CreateAsync("sqlite", "smtp_obsolete");
        var referral = await mail.StartAsync();
        await using (var db = mail.Runtime.Open())
        {
            var handOff = await db.HandOffs.SingleAsync(h => h.ReferralId == referral.Id);
            await mail.Runtime.Runtime.AnswerHandOffAsync(handOff.Id, "declined", new Dictionary<string, System.Text.Json.Nodes.JsonNode?>(), Actor.Operator("caseworker"), "phone");
        }

        Assert.Equal(new DeliveryPass(1, 0, 0) { NotNeeded = 1 }, await mail.Delivery(MailHarness.RealServer()).DeliverDueAsync());

        var request = (await mail.OutboxAsync(referral.Id)).Single(m => m.Kind == OutboxKinds.Request);
        Assert.Equal((OutboxStatus.NotNeeded, "not sent: the hand-off was rejected before the message went out"), (request.Status, request.LastError));
        Assert.Empty(MailHarness.Delivered([request.Id]));
        await using var check = mail.Runtime.Open();
        Assert.Equal(0, await check.Incidents.CountAsync(i => i.ReferralId == referral.Id));
    }
}
