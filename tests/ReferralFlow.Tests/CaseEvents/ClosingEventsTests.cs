using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core;
using ReferralFlow.Core.Acting;
using ReferralFlow.Core.CaseEvents;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Core.Tasks;
using ReferralFlow.Tests.CaseRecords;

namespace ReferralFlow.Tests.CaseEvents;

/// <summary>Left the programme, withdrawal with a reason, and contacts after closing (issue 9 §6).</summary>
public class ClosingEventsTests
{
    private static readonly Actor Caseworker = Actor.Operator("caseworker");

    [Fact]
    public async Task Leaving_the_programme_closes_tasks_hand_offs_timers_and_suspension_with_its_own_outcome()
    {
        await using var h = await RecordsHarness.CreateAsync("sqlite", "case-leave");
        var actions = new CaseEventActions(h.Runtime.Runtime, h.Runtime.Clock);
        var referral = await h.StartAsync();
        await h.CompleteAsync(referral.Id, "intake-identification", "identified", ("referral.source", "ngo"));
        await actions.SuspendAsync(referral.Id, "person-asked-for-pause", Caseworker);
        await using (var db = h.Open())
            Assert.True(await db.Tasks.AnyAsync(t => t.ReferralId == referral.Id && t.Status == WorkTaskStatus.Open));

        var left = await actions.LeaveProgrammeAsync(referral.Id, "returned-independently", Caseworker);

        Assert.Contains("suspension (person-asked-for-pause) ended", left.Note);
        await using var check = h.Open();
        var closed = await check.Referrals.SingleAsync(r => r.Id == referral.Id);
        Assert.Equal((ReferralStatus.Withdrawn, "left-programme", ReferralStage.Closed), (closed.Status, closed.Outcome, closed.Stage));
        Assert.False(await check.Tasks.AnyAsync(t => t.ReferralId == referral.Id && t.Status == WorkTaskStatus.Open));
        Assert.False(await check.HandOffs.AnyAsync(x => x.ReferralId == referral.Id && x.Status != HandOffStatus.Cancelled && x.AnsweredAt == null));
        Assert.False(await check.Timers.AnyAsync(t => t.ReferralId == referral.Id));
        Assert.False(await Suspensions.IsSuspendedAsync(check, referral.Id, default));
        Assert.Equal("returned-independently", (await check.Set<CaseEvent>().SingleAsync(e => e.Kind == CaseEventKinds.LeftProgramme)).Code);
        Assert.Equal(1, await check.AuditEntries.CountAsync(e => e.Action == "case.left-programme" && e.ReferralId == referral.Id));
        var again = await Assert.ThrowsAsync<ReferralFlowException>(() => actions.LeaveProgrammeAsync(referral.Id, "other", Caseworker));
        Assert.Contains("is withdrawn", again.Message);
    }

    [Fact]
    public async Task A_withdrawal_without_a_known_reason_is_refused_with_the_list_and_nothing_changes()
    {
        await using var h = await RecordsHarness.CreateAsync("sqlite", "case-withdraw-reason");
        var actions = new CaseEventActions(h.Runtime.Runtime, h.Runtime.Clock);
        var referral = await h.StartAsync();

        var missing = await Assert.ThrowsAsync<ReferralFlowException>(() => actions.WithdrawAsync(referral.Id, null, Caseworker));
        var unknown = await Assert.ThrowsAsync<ReferralFlowException>(() => actions.WithdrawAsync(referral.Id, "fed up", Caseworker));

        Assert.Equal("Give the reason for withdrawing (--reason): one of person-declined, consent-withdrawn, not-eligible, duplicate, " +
            "recorded-in-error, transferred-elsewhere, other; nothing was changed.", missing.Message);
        Assert.StartsWith("The reason for withdrawing (--reason) is not one of the list", unknown.Message);
        await using (var db = h.Open())
        {
            Assert.Equal(ReferralStatus.Active, (await db.Referrals.SingleAsync()).Status);
            Assert.Equal(WorkTaskStatus.Open, (await db.Tasks.SingleAsync()).Status);
            Assert.False(await db.Set<CaseEvent>().AnyAsync());
        }

        await actions.WithdrawAsync(referral.Id, "Duplicate ", Caseworker);
        await using var after = h.Open();
        var withdrawn = await after.Referrals.SingleAsync();
        Assert.Equal((ReferralStatus.Withdrawn, null), (withdrawn.Status, withdrawn.Outcome));
        Assert.Equal("duplicate", (await after.Set<CaseEvent>().SingleAsync()).Code);
        Assert.True(await after.History.AnyAsync(e => e.Kind == "case-withdrawn" && e.Detail == "withdrawn (duplicate)"));
    }

    [Fact]
    public async Task A_contact_after_closing_is_refused_on_an_active_referral_and_logged_on_a_closed_one()
    {
        await using var h = await RecordsHarness.CreateAsync("sqlite", "case-contact");
        var actions = new CaseEventActions(h.Runtime.Runtime, h.Runtime.Clock);
        var referral = await h.StartAsync();
        var today = DateOnly.FromDateTime(h.Now.UtcDateTime);

        var active = await Assert.ThrowsAsync<ReferralFlowException>(() => actions.RecordContactAsync(referral.Id, today, "phone", "check-in", Caseworker));
        Assert.Contains("is active: a contact after closing is recorded only on a closed or withdrawn referral", active.Message);

        await actions.LeaveProgrammeAsync(referral.Id, "lost-contact", Caseworker);
        h.Runtime.Clock.Advance(TimeSpan.FromDays(40));
        var before = await Assert.ThrowsAsync<ReferralFlowException>(() =>
            actions.RecordContactAsync(referral.Id, today.AddDays(-1), "phone", "check-in", Caseworker));
        var future = await Assert.ThrowsAsync<ReferralFlowException>(() =>
            actions.RecordContactAsync(referral.Id, today.AddDays(41), "phone", "check-in", Caseworker));
        var channel = await Assert.ThrowsAsync<ReferralFlowException>(() =>
            actions.RecordContactAsync(referral.Id, today.AddDays(30), "carrier pigeon", "check-in", Caseworker));
        await actions.RecordContactAsync(referral.Id, today.AddDays(30), "messaging", "asked-for-help", Caseworker);

        Assert.Contains("from the closing of", before.Message);
        Assert.Contains("to today", future.Message);
        Assert.Contains("channel (--channel) is not one of the list", channel.Message);
        await using var db = h.Open();
        var contact = await db.Set<CaseEvent>().SingleAsync(e => e.Kind == CaseEventKinds.ContactAfterClosing);
        Assert.Equal(("asked-for-help", "messaging", today.AddDays(30)), (contact.Code, contact.Channel, contact.OccurredOn));
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "case.contact-after-closing"));
    }
}
