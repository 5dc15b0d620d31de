using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core;
using ReferralFlow.Core.CaseRecords;
using ReferralFlow.Core.Mail;
using ReferralFlow.Core.Outbox;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Travel;
using ReferralFlow.Tests.Mail;
using ReferralFlow.Tests.Persistence;

namespace ReferralFlow.Tests.CaseRecords;

/// <summary>Travel costs and their funders (issue 4 §4, F43): an unfunded cost escalates to the coordinator through the
/// outbox, once per cost, and the mail worker delivers it with the alert template.</summary>
public class TravelCostTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_unfunded_cost_escalates_to_the_coordinator_once_and_the_alert_is_delivered(string provider)
    {
        await using var mail = await MailHarness.CreateAsync(provider, "travel-unfunded");
        var referral = await mail.StartAsync();
        var clock = mail.Runtime.Clock;

        TravelCost unfunded;
        await using (var db = mail.Runtime.Open())
        {
            await new TravelCosts(db, "caseworker", clock.GetUtcNow()).RecordAsync(referral.CaseCode, new CostInput("flight", "iom", 240m, "eur"), default);
            unfunded = await new TravelCosts(db, "caseworker", clock.GetUtcNow()).RecordAsync(referral.CaseCode, new CostInput("escort", "unfunded"), default);
        }
        clock.Advance(TimeSpan.FromHours(2));
        // Recorded again as unfunded (a funder fell through and is still missing): no second alert for the same cost.
        await using (var db = mail.Runtime.Open())
        {
            await new TravelCosts(db, "caseworker", clock.GetUtcNow()).ChangeFunderAsync(unfunded.Id, "partner", null, default);
            await new TravelCosts(db, "caseworker", clock.GetUtcNow()).ChangeFunderAsync(unfunded.Id, "unfunded", null, default);
        }

        var alerts = (await mail.OutboxAsync(referral.Id)).Where(m => m.Kind == OutboxKinds.Escalation).ToList();
        var alert = Assert.Single(alerts);
        Assert.Equal((OutboxKinds.Escalation, Recipients.Coordinator, StaffAlert.UnfundedCost, StaffAlert.UnfundedCost),
            (alert.Kind, alert.Recipient, alert.Template, alert.StepId));
        Assert.Equal(RuntimeHarnessStart, alert.CreatedAt);
        await using (var db = mail.Runtime.Open())
        {
            var stored = await db.TravelCosts.SingleAsync(c => c.Id == unfunded.Id);
            Assert.Equal(RuntimeHarnessStart, stored.EscalatedAt);
            var history = await db.History.Where(e => e.ReferralId == referral.Id && e.Kind == RecordHistory.StaffAlerted).ToListAsync();
            Assert.Equal($"escort has no funder (cost {unfunded.Id}); alerted coordinator", Assert.Single(history).Detail);
        }

        var sender = new CapturingSender();
        await mail.Delivery(sender).DeliverDueAsync();
        var email = Assert.Single(sender.Sent, e => e.MessageId == MessageIds.For(alert.Id));
        Assert.Equal("coordonare@adpare.example.org", email.To.Address);
        Assert.Contains(referral.CaseCode, email.Subject);
        Assert.Contains("un cost al călătoriei nu are finanțator", email.Text);
        Assert.Contains($"https://referrals.example.org/referrals/{referral.Id:D}", email.Text);
    }

    [Fact]
    public async Task A_funded_cost_alerts_nobody_and_bad_input_changes_nothing()
    {
        await using var h = await RecordsHarness.CreateAsync("sqlite", "travel-funded");
        var referral = await h.StartAsync();
        await using (var db = h.Open())
            await new TravelCosts(db, "caseworker", h.Now).RecordAsync(referral.CaseCode, new CostInput("accommodation", "state-fund", 80m, "EUR"), default);

        await using (var db = h.Open())
        {
            var funder = await Assert.ThrowsAsync<ReferralFlowException>(() =>
                new TravelCosts(db, "caseworker", h.Now).RecordAsync(referral.CaseCode, new CostInput("flight", "lottery"), default));
            Assert.Equal("Unknown funder 'lottery'; use one of iom, own-funds, state-fund, partner, unfunded.", funder.Message);
            var currency = await Assert.ThrowsAsync<ReferralFlowException>(() =>
                new TravelCosts(db, "caseworker", h.Now).RecordAsync(referral.CaseCode, new CostInput("flight", "unfunded", 120m), default));
            Assert.Contains("ISO 4217", currency.Message);
        }
        await using (var db = h.Open())
        {
            var cost = Assert.Single(await TravelCosts.ListAsync(db, referral.CaseCode, default));
            Assert.Equal(("accommodation", "state-fund", 80m, "EUR", (DateTimeOffset?)null), (cost.Item, cost.Funder, cost.Amount!.Value, cost.Currency!, cost.EscalatedAt));
            Assert.Equal(0, await db.OutboxMessages.CountAsync(m => m.Kind == OutboxKinds.Escalation));
        }
    }

    private static DateTimeOffset RuntimeHarnessStart => Runtime.RuntimeHarness.Start;
}
