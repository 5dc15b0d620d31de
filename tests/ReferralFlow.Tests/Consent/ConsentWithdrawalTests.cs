using ReferralFlow.Core.Acting;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Consent;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.Outbox;
using ReferralFlow.Core.Queries;
using ReferralFlow.Tests.Persistence;

namespace ReferralFlow.Tests.Consent;

/// <summary>Issue 4 §2: withdrawing consent stops the sharing it allowed and leaves the coordinator a clear next step.</summary>
public class ConsentWithdrawalTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Withdrawal_cancels_the_open_request_tells_the_partner_and_retrying_waits_for_a_new_consent(string provider)
    {
        await using var harness = await ConsentHarness.CreateAsync(provider, "consent_withdrawal");
        var referral = await harness.StartAsync();
        var consent = await harness.RecordAsync(referral.Id);
        await harness.ReachRequestAsync(referral.Id);
        Assert.Equal(1, (await harness.Delivery().DeliverDueAsync()).Sent);

        var withdrawn = await harness.WithdrawAsync(consent.Id, "changed-mind");

        Assert.Equal((1, true), (withdrawn.Cancelled, withdrawn.Notified));
        Guid noticeId;
        await using (var db = harness.Runtime.Open())
        {
            Assert.Equal(HandOffStatus.Cancelled, (await db.HandOffs.SingleAsync()).Status);
            Assert.Equal(0, await db.Timers.CountAsync(t => t.ReferralId == referral.Id));
            var incident = await db.Incidents.SingleAsync(i => i.ReferralId == referral.Id && i.ResolvedAt == null);
            Assert.Equal("ask-shelter", incident.StepId);
            Assert.Contains("consent for 'refer' to Foyer Lumière (fr-foyer) was withdrawn (changed-mind)", incident.Message);
            Assert.Contains($"referralflow referrals retry {referral.CaseCode}", incident.Message);
            Assert.Equal(1, (await db.Referrals.SingleAsync(r => r.Id == referral.Id)).OpenIncidents);
            var notice = await db.OutboxMessages.SingleAsync(m => m.Kind == OutboxKinds.Notice);
            noticeId = notice.Id;
            Assert.Equal(("receiving", "consent-withdrawn", OutboxStatus.Pending), (notice.Recipient, notice.Template, notice.Status));
            var history = await db.History.Where(h => h.ReferralId == referral.Id).Select(h => h.Kind).ToListAsync();
            Assert.Contains("consent-withdrawn", history);
            Assert.Contains("handoff-cancelled", history);
            Assert.Contains("incident", history);
            var audit = await db.AuditEntries.SingleAsync(a => a.Action == "consent.withdrawn");
            Assert.Equal(($"consent {consent.Id}", "refer to fr-foyer: changed-mind"), (audit.Subject, audit.Detail));
            Assert.True((await db.Consents.SingleAsync()).IsWithdrawn);
        }

        Assert.Equal(1, (await harness.Delivery().DeliverDueAsync()).Sent);
        var mail = harness.Mail(noticeId);
        Assert.Contains("accueil@foyer-lumiere.example.org", mail.Headers["to"]);
        Assert.Equal($"{referral.CaseCode}: consent withdrawn – please stop all action", mail.Subject);

        // The coordinator retries: the step asks again, and the gate holds the new request until consent is recorded.
        await harness.Runtime.Runtime.RetryIncidentsAsync(referral.Id, Actor.Operator("coordinator"));
        await using (var db = harness.Runtime.Open())
        {
            var reopened = await db.HandOffs.SingleAsync(h => h.Status == HandOffStatus.Requested);
            Assert.Equal(reopened.Id, (await db.HeldRequests.SingleAsync()).HandOffId);
            Assert.Contains("the consent for 'refer' was withdrawn on", Assert.Single(await TaskQueries.ListOpenAsync(db, referral.Id)).Title);
            Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.Kind == OutboxKinds.Request));
        }
        await harness.RecordAsync(referral.Id);
        await using (var db = harness.Runtime.Open())
            Assert.Equal(2, await db.OutboxMessages.CountAsync(m => m.Kind == OutboxKinds.Request));
    }

    [Fact]
    public async Task Withdrawal_leaves_requests_for_other_purposes_and_an_organisation_without_a_role_gets_no_notice()
    {
        await using var harness = await ConsentHarness.CreateAsync("sqlite", "consent_withdrawal_scope");
        var referral = await harness.StartAsync();
        await harness.RecordAsync(referral.Id);
        var other = await harness.RecordAsync(referral.Id, purpose: "share-data");
        var elsewhere = await harness.RecordAsync(referral.Id, recipient: "be-refuge");
        await harness.ReachRequestAsync(referral.Id);

        var sharing = await harness.WithdrawAsync(other.Id, "other-option");
        var unrelated = await harness.WithdrawAsync(elsewhere.Id, "recorded-in-error");

        Assert.Equal((0, true), (sharing.Cancelled, sharing.Notified));
        Assert.Equal((0, false), (unrelated.Cancelled, unrelated.Notified));
        await using var db = harness.Runtime.Open();
        Assert.Equal(HandOffStatus.Requested, (await db.HandOffs.SingleAsync()).Status);
        Assert.Equal(0, await db.Incidents.CountAsync());
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.Kind == OutboxKinds.Notice));
        var again = await Assert.ThrowsAsync<ReferralFlow.Core.ReferralFlowException>(() => harness.WithdrawAsync(other.Id));
        Assert.Contains("already withdrawn", again.Message);
    }

    [Fact]
    public async Task Nothing_personal_reaches_the_consent_history_audit_tasks_incidents_or_messages()
    {
        await using var harness = await ConsentHarness.CreateAsync("sqlite", "consent_personal");
        var referral = await harness.StartAsync();
        await harness.ReachRequestAsync(referral.Id);
        var consent = await harness.RecordAsync(referral.Id);
        await harness.Delivery().DeliverDueAsync();
        await harness.WithdrawAsync(consent.Id, "safety-concern");
        await harness.Delivery().DeliverDueAsync();

        await using var db = harness.Runtime.Open();
        var texts = new List<string?>();
        texts.AddRange(await db.History.Select(h => h.Detail).ToListAsync());
        texts.AddRange(await db.AuditEntries.Select(a => a.Subject + " " + a.Detail).ToListAsync());
        texts.AddRange(await db.Tasks.Select(t => t.Title).ToListAsync());
        texts.AddRange(await db.Incidents.Select(i => i.Message).ToListAsync());
        texts.AddRange(await db.OutboxMessages.Select(m => m.PayloadJson + " " + m.Recipient + " " + m.Template).ToListAsync());
        texts.AddRange(await db.Consents.Select(c => c.GivenBy + " " + c.Form + " " + c.RecordedBy + " " + c.WithdrawalReason).ToListAsync());
        var mails = Directory.GetFiles(harness.MailFolder, "*.eml").Select(f => MailFileText(f)).ToList();
        Assert.Equal(2, mails.Count);
        texts.AddRange(mails);
        foreach (var personal in new[] { ConsentHarness.ContactName, "Dufresne", "Okafor" })
            Assert.DoesNotContain(texts, t => t is not null && t.Contains(personal, StringComparison.OrdinalIgnoreCase));
        foreach (var address in new[] { "accueil@foyer-lumiere.example.org" })
            Assert.DoesNotContain(texts.Take(texts.Count - mails.Count), t => t is not null && t.Contains(address, StringComparison.OrdinalIgnoreCase));
    }

    private static string MailFileText(string path)
    {
        var mail = Mail.MailFile.Parse(File.ReadAllText(path));
        return mail.Subject + "\n" + mail.Text + "\n" + mail.Html;
    }
}
