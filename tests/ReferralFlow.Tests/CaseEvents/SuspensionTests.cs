using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core;
using ReferralFlow.Core.Acting;
using ReferralFlow.Core.CaseEvents;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.History;
using ReferralFlow.Core.Tasks;
using ReferralFlow.Tests.CaseRecords;
using ReferralFlow.Tests.Persistence;

namespace ReferralFlow.Tests.CaseEvents;

/// <summary>Suspend and resume (issue 9 §6): a suspended referral's timers do not fire through weeks of a virtual clock,
/// its tasks cannot be completed, and resuming moves every pending deadline later by the time spent suspended.</summary>
public class SuspensionTests
{
    private static readonly Actor Caseworker = Actor.Operator("caseworker");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Suspended_timers_do_not_fire_and_resuming_moves_them_later_by_the_time_suspended(string provider)
    {
        await using var h = await RecordsHarness.CreateAsync(provider, "case-suspend-resume");
        var actions = new CaseEventActions(h.Runtime.Runtime, h.Runtime.Clock);
        var referral = await h.StartAsync();
        var before = await TimersAsync(h, referral.Id);
        Assert.NotEmpty(before);

        await actions.SuspendAsync(referral.Id, "in-hospital", Caseworker);
        h.Runtime.Clock.Advance(TimeSpan.FromDays(21));
        var fired = await h.Runtime.Worker.DrainAsync();

        Assert.Equal(0, fired);
        Assert.Equal(before, await TimersAsync(h, referral.Id));
        await using (var db = h.Open())
            Assert.False(await db.History.AnyAsync(e => e.ReferralId == referral.Id
                && (e.Kind == HistoryKinds.Reminder || e.Kind == HistoryKinds.Escalated || e.Kind == HistoryKinds.TaskExpired)));

        var resumed = await actions.ResumeAsync(referral.Id, Caseworker);

        Assert.Equal($"{before.Count} deadlines moved 21 days later", resumed.Note);
        var after = await TimersAsync(h, referral.Id);
        Assert.Equal(before.Select(t => (t.Id, t.DueAt + TimeSpan.FromDays(21))), after.Select(t => (t.Id, t.DueAt)));
        await using (var db = h.Open())
        {
            var line = await db.History.Where(e => e.ReferralId == referral.Id && e.Kind == "case-resumed").SingleAsync();
            Assert.Contains("moved 21 days later", line.Detail);
            Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.ReferralId == referral.Id && e.Action.StartsWith("case.")));
        }

        // The first deadline now comes 21 days after it would have, and fires then.
        h.Runtime.Clock.AdvanceTo(after.Min(t => t.DueAt) - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await h.Runtime.Worker.DrainAsync());
        h.Runtime.Clock.AdvanceTo(after.Min(t => t.DueAt));
        Assert.True(await h.Runtime.Worker.DrainAsync() > 0);
    }

    [Fact]
    public async Task A_suspended_referrals_task_cannot_be_completed_and_a_partners_reply_is_still_recorded()
    {
        await using var h = await RecordsHarness.CreateAsync("sqlite", "case-suspend-task");
        var actions = new CaseEventActions(h.Runtime.Runtime, h.Runtime.Clock);
        var referral = await h.StartAsync();
        await actions.SuspendAsync(referral.Id, "safety-concern", Caseworker);

        var error = await Assert.ThrowsAsync<ReferralFlowException>(() => h.CompleteAsync(referral.Id, "intake-identification", "identified", ("referral.source", "ngo")));

        Assert.Contains($"Referral {referral.CaseCode} is suspended", error.Message);
        Assert.Contains("cannot be completed until it is resumed", error.Message);
        await using (var db = h.Open())
            Assert.Equal(WorkTaskStatus.Open, (await db.Tasks.SingleAsync(t => t.ReferralId == referral.Id)).Status);
        var twice = await Assert.ThrowsAsync<ReferralFlowException>(() => actions.SuspendAsync(referral.Id, "other", Caseworker));
        Assert.Contains("already suspended", twice.Message);

        await actions.ResumeAsync(referral.Id, Caseworker);
        await h.CompleteAsync(referral.Id, "intake-identification", "identified", ("referral.source", "ngo"));
        var notSuspended = await Assert.ThrowsAsync<ReferralFlowException>(() => actions.ResumeAsync(referral.Id, Caseworker));
        Assert.Contains("is not suspended", notSuspended.Message);

        // A partner's answer still reaches a suspended referral.
        var (monitoring, handOffId) = await h.MonitoringAwaitingReportAsync();
        await actions.SuspendAsync(monitoring.Id, "in-detention", Caseworker);
        await h.Runtime.Runtime.AnswerHandOffAsync(handOffId, "received", new Dictionary<string, JsonNode?>(), Caseworker, HandOffChannels.Phone);
        await using (var db = h.Open())
            Assert.Equal("received", (await db.HandOffs.SingleAsync(x => x.Id == handOffId)).Outcome);
    }

    [Fact]
    public async Task A_reason_outside_the_list_is_refused_and_nothing_is_suspended()
    {
        await using var h = await RecordsHarness.CreateAsync("sqlite", "case-suspend-reason");
        var referral = await h.StartAsync();

        var error = await Assert.ThrowsAsync<ReferralFlowException>(() =>
            new CaseEventActions(h.Runtime.Runtime, h.Runtime.Clock).SuspendAsync(referral.Id, "she is in Milan", Caseworker));

        Assert.StartsWith("The reason for suspending (--reason) is not one of the list: use one of person-missing, in-hospital", error.Message);
        Assert.DoesNotContain("Milan", error.Message);
        await using var db = h.Open();
        Assert.False(await db.Set<CaseSuspension>().AnyAsync());
        Assert.False(await db.Set<CaseEvent>().AnyAsync());
    }

    internal static async Task<List<(Guid Id, DateTimeOffset DueAt)>> TimersAsync(RecordsHarness h, Guid referralId)
    {
        await using var db = h.Open();
        return [.. (await db.Timers.Where(t => t.ReferralId == referralId).Select(t => new { t.Id, t.DueAt }).ToListAsync())
            .OrderBy(t => t.DueAt).ThenBy(t => t.Id).Select(t => (t.Id, t.DueAt))];
    }
}
