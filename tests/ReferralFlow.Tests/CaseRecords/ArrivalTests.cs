using ReferralFlow.Core.Acting;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core;
using ReferralFlow.Core.Arrival;
using ReferralFlow.Core.Outbox;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Replies;
using ReferralFlow.Engine.Execution;

namespace ReferralFlow.Tests.CaseRecords;

/// <summary>Arrival confirmation (issue 4 §4): a missing confirmation reaches the coordinator within hours of the planned
/// arrival, at the instant the procedure plans; a confirmation through the reply page shows who, when, where and to whom.</summary>
public class ArrivalTests
{
    [Theory]
    [InlineData("transnational-return", 6, 2)]
    [InlineData("child-return", 4, 1)]
    public async Task A_missing_arrival_confirmation_escalates_to_the_coordinator_hours_after_the_planned_arrival(string workflow, int dueHours, int coordinatorAfterHours)
    {
        await using var h = await RecordsHarness.CreateAsync("sqlite", "arrival-" + workflow);
        var referral = await h.StartAsync(workflow);
        await h.Runtime.Driver(TimeSpan.FromMinutes(1), "arrival-confirmation").RunAsync();

        var (arrivalAt, handOff) = await ArrivalAsync(h, referral.Id);
        Assert.Equal(arrivalAt.AddHours(dueHours), handOff.DueAt);
        var planned = arrivalAt.AddHours(dueHours + coordinatorAfterHours);

        await h.AdvanceToAsync(planned.AddSeconds(-1));
        Assert.Empty(await CoordinatorEscalationsAsync(h, referral.Id));

        await h.AdvanceToAsync(planned);
        var escalation = Assert.Single(await CoordinatorEscalationsAsync(h, referral.Id));
        Assert.Equal(planned, escalation.CreatedAt);
        await using var db = h.Open();
        Assert.Equal(planned, (await db.History.SingleAsync(e => e.ReferralId == referral.Id && e.StepId == "arrival-confirmation"
            && e.Kind == "escalated" && e.Detail == Recipients.Coordinator)).At);
        Assert.True(coordinatorAfterHours + dueHours <= 12, "urgent means hours after the planned arrival, not days");
    }

    [Fact]
    public async Task The_arrival_record_shows_expected_and_confirmed_arrival_from_the_reply_page()
    {
        await using var h = await RecordsHarness.CreateAsync("sqlite", "arrival-record");
        var referral = await h.StartAsync();
        await h.Runtime.Driver(TimeSpan.FromMinutes(1), "arrival-confirmation").RunAsync();
        var (arrivalAt, handOff) = await ArrivalAsync(h, referral.Id);
        await using (var db = h.Open())
        {
            db.EscortLegs.Add(new Core.Escort.EscortLeg
            {
                Id = Guid.NewGuid(), ReferralId = referral.Id, From = "Munich airport", To = "Bucharest Otopeni", Mode = "air",
                DepartsAt = arrivalAt.AddHours(-3), EscortName = "IOM", PlannedAt = h.Now, PlannedBy = "test",
            });
            await db.SaveChangesAsync();
            var awaiting = await ArrivalRecord.ShowAsync(db, h.Protector, referral.CaseCode, RecordsHarness.Staff, h.Now, default);
            Assert.Equal(("awaiting-confirmation", arrivalAt, "Bucharest Otopeni", handOff.DueAt), (awaiting.Status, awaiting.Expected.At, awaiting.Expected.Place, awaiting.Expected.ConfirmationDueAt));
            Assert.Null(awaiting.Confirmation);
        }

        await h.AdvanceToAsync(arrivalAt.AddHours(1));
        var links = new ReplyLinks(new Uri("https://referrals.example.org/"), h.Runtime.Library, h.Runtime.Clock);
        IReadOnlyList<ReplyLink> issued;
        await using (var db = h.Open())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            issued = await links.IssueAsync(db, handOff.Id, null, CancellationToken.None);
            await transaction.CommitAsync();
        }
        var url = issued.Single(l => l.Outcome == "arrived-safely").Url;
        var result = await new ReplySubmission(h.Runtime.Runtime, h.Protector, h.Runtime.Clock).SubmitAsync(url[(url.LastIndexOf('/') + 1)..], new Dictionary<string, string?>
        {
            ["arrivedAt"] = arrivalAt.AddMinutes(20).UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            ["place"] = "Otopeni airport, arrivals hall",
            ["handedOverTo"] = "ADPARE shelter staff",
        }, default);
        Assert.IsType<ReplyResult.Recorded>(result);

        await using (var db = h.Open())
        {
            var confirmed = await ArrivalRecord.ShowAsync(db, h.Protector, referral.CaseCode, RecordsHarness.Staff, h.Now, default);
            Assert.Equal("confirmed", confirmed.Status);
            var c = confirmed.Confirmation!;
            Assert.Equal(("arrived-safely", "reply-link", "link", arrivalAt.AddMinutes(20), "Otopeni airport, arrivals hall", "ADPARE shelter staff"),
                (c.Outcome, c.ConfirmedBy, c.Channel, c.ArrivedAt, c.Place, c.HandedOverTo));
            Assert.Equal(h.Now, c.AnsweredAt);
        }
    }

    [Fact]
    public async Task An_arrival_confirmed_by_phone_is_recorded_stops_the_escalation_and_starts_the_monitoring()
    {
        await using var h = await RecordsHarness.CreateAsync("sqlite", "arrival-staff");
        var referral = await h.StartAsync();
        await h.Runtime.Driver(TimeSpan.FromMinutes(1), "arrival-confirmation").RunAsync();
        var (arrivalAt, handOff) = await ArrivalAsync(h, referral.Id);
        await h.AdvanceToAsync(arrivalAt.AddHours(3));
        var confirmations = new ArrivalConfirmations(h.Runtime.Runtime, Actor.Operator("caseworker"), h.Runtime.Clock);

        var future = await Assert.ThrowsAsync<ReferralFlowException>(() => confirmations.ConfirmAsync(referral.CaseCode,
            new ConfirmationInput(h.Now.AddDays(2), "Otopeni airport", " ", "ADPARE duty officer"), default));
        Assert.Equal("Date and time of arrival (UTC): it lies in the future; give the date and time it happened. Say who took the person over: organisation and role.", future.Message);
        await using (var db = h.Open())
            Assert.Null((await db.HandOffs.SingleAsync(x => x.Id == handOff.Id)).AnsweredAt);

        await confirmations.ConfirmAsync(referral.CaseCode,
            new ConfirmationInput(arrivalAt.AddMinutes(35), "Otopeni airport", "ADPARE shelter staff", "ADPARE duty officer"), default);
        await h.AdvanceToAsync(arrivalAt.AddHours(12));

        await using (var db = h.Open())
        {
            var shown = await ArrivalRecord.ShowAsync(db, h.Protector, referral.CaseCode, RecordsHarness.Staff, h.Now, default);
            Assert.Equal("confirmed", shown.Status);
            Assert.Equal(("ADPARE duty officer", "phone", arrivalAt.AddMinutes(35), "Otopeni airport", "ADPARE shelter staff"),
                (shown.Confirmation!.ConfirmedBy, shown.Confirmation.Channel, shown.Confirmation.ArrivedAt, shown.Confirmation.Place, shown.Confirmation.HandedOverTo));
            Assert.Empty(await CoordinatorEscalationsAsync(h, referral.Id));
            Assert.True(await db.Referrals.AnyAsync(r => r.ParentReferralId == referral.Id && r.WorkflowId == "monitoring"));
            var again = await Assert.ThrowsAsync<ReferralFlowException>(() => confirmations.ConfirmAsync(referral.CaseCode,
                new ConfirmationInput(arrivalAt, "Otopeni airport", "ADPARE", "ADPARE"), default));
            Assert.Contains("is not waiting for an arrival confirmation", again.Message);
        }
    }

    private static async Task<(DateTimeOffset ArrivalAt, Core.HandOffs.HandOff HandOff)> ArrivalAsync(RecordsHarness h, Guid referralId)
    {
        await using var db = h.Open();
        var referral = await db.Referrals.SingleAsync(r => r.Id == referralId);
        var arrivalAt = DateTimeOffset.Parse(InstanceState.Deserialize(referral.StateJson).Variables[ArrivalRecord.ArrivalAtVariable]!.GetValue<string>(), CultureInfo.InvariantCulture);
        var handOff = await db.HandOffs.SingleAsync(x => x.ReferralId == referralId && x.Request == ArrivalRecord.Request);
        return (arrivalAt, handOff);
    }

    private static async Task<List<OutboxMessage>> CoordinatorEscalationsAsync(RecordsHarness h, Guid referralId)
    {
        await using var db = h.Open();
        return await db.OutboxMessages.Where(m => m.ReferralId == referralId && m.StepId == "arrival-confirmation"
            && m.Kind == OutboxKinds.Escalation && m.Recipient == Recipients.Coordinator).ToListAsync();
    }
}
