using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Acting;
using ReferralFlow.Core.CaseEvents;
using ReferralFlow.Core.CaseRecords;
using ReferralFlow.Core.Forms;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Queries;
using ReferralFlow.Core.Tasks;
using ReferralFlow.Tests.CaseRecords;
using ReferralFlow.Tests.Forms;
using ReferralFlow.Tests.Runtime;

namespace ReferralFlow.Tests.CaseEvents;

/// <summary>A deadline from the person's situation (issue 9 §6): a risk assessment that records weeks of pregnancy sets
/// the last day of air travel on the case, and a durable timer warns the coordinator 14 days before flights end.</summary>
public class AirTravelWarningTests
{
    private static readonly Actor Caseworker = Actor.Operator("caseworker");

    [Fact]
    public async Task A_recorded_pregnancy_shows_the_last_day_of_air_travel_and_warns_the_coordinator_on_time()
    {
        await using var h = await RecordsHarness.CreateAsync("sqlite", "case-air-travel");
        var referral = await h.StartAsync();
        await h.CompleteAsync(referral.Id, "intake-identification", "identified", ("referral.source", "ngo"));
        Guid taskId;
        await using (var db = h.Open())
            taskId = await db.Tasks.Where(t => t.ReferralId == referral.Id && t.StepId == "risk-needs-assessment" && t.Status == WorkTaskStatus.Open)
                .Select(t => t.Id).SingleAsync();
        var forms = new TaskForms(h.Runtime.Runtime, new FormLibrary(RuntimeHarness.RepositoryWorkflows), h.Protector, h.Runtime.Clock);

        // 30 weeks on 2027-01-04 09:00: airlines stop at 36 weeks, from 2027-02-15 09:00 on.
        await forms.CompleteAsync(taskId, "assessed", new Dictionary<string, System.Text.Json.Nodes.JsonNode?>(), RiskForms.Valid(pregnancyWeeks: 30), Caseworker);

        var noFlights = RuntimeHarness.Start.AddDays(42);
        var warnAt = noFlights.AddDays(-14);
        await using (var db = h.Open())
        {
            var state = await CaseEventQueries.StateAsync(db, referral.Id);
            Assert.Equal((new DateOnly(2027, 2, 14), warnAt), (state.AirTravelUntil, state.AirTravelWarningAt));
            Assert.Contains(await db.History.Where(e => e.ReferralId == referral.Id && e.Kind == "case-air-travel-limit").Select(e => e.Detail).ToListAsync(),
                d => d!.StartsWith("air travel allowed until 2027-02-14"));
        }

        await h.AdvanceToAsync(warnAt.AddMinutes(-1));
        await using (var db = h.Open())
        {
            Assert.False(await db.OutboxMessages.AnyAsync(m => m.Template == StaffAlert.AirTravelLimit));
            Assert.False(await db.Tasks.AnyAsync(t => t.StepId == AirTravelWarning.TimerName));
        }

        await h.AdvanceToAsync(warnAt);

        await using (var db = h.Open())
        {
            var alert = await db.OutboxMessages.SingleAsync(m => m.Template == StaffAlert.AirTravelLimit);
            Assert.Equal((Recipients.Coordinator, warnAt, referral.Id), (alert.Recipient, alert.CreatedAt, alert.ReferralId));
            Assert.True(await db.Set<CaseEvent>().AnyAsync(e => e.Kind == CaseEventKinds.AirTravelWarned && e.RecordedAt == warnAt));
            Assert.False(await db.Timers.AnyAsync(t => t.TokenId == CaseTimers.Token));
            Assert.Equal(new DateOnly(2027, 2, 14), (await CaseEventQueries.StateAsync(db, referral.Id)).AirTravelUntil);
            // The caseworker is warned too: a task on the referral, due on the last day of air travel.
            var task = await db.Tasks.SingleAsync(t => t.ReferralId == referral.Id && t.StepId == AirTravelWarning.TimerName);
            Assert.Equal(("Last day of air travel is 2027-02-14: book the travel or plan another way", "caseworker", WorkTaskStatus.Open),
                (task.Title, task.Role, task.Status));
            Assert.Equal((warnAt, new DateTimeOffset(2027, 2, 14, 23, 59, 0, TimeSpan.Zero)), (task.CreatedAt, task.DueAt));
            Assert.Equal(["planned-another-way", "travel-booked"], task.Outcomes.Order());
            Assert.Contains(await TaskQueries.ListOpenAsync(db), t => t.Id == task.Id);
        }
    }

    [Fact]
    public async Task The_caseworker_closes_the_air_travel_task_without_moving_the_procedure_and_a_closing_referral_cancels_an_open_one()
    {
        await using var h = await RecordsHarness.CreateAsync("sqlite", "case-air-travel-task");
        var first = await h.StartAsync();
        var second = await h.StartAsync();
        foreach (var referral in new[] { first, second })
            await Core.Persistence.Transactions.RunAsync(h.Open, Caseworker, unit =>
                AirTravelWarning.PlanAsync(unit, referral.Id, 34, h.Now, new Core.Escort.AirTravelLimits(), TimeSpan.FromDays(14), default), default);
        await h.AdvanceToAsync(h.Now.AddDays(1));
        Guid firstTask, secondTask;
        string stateBefore;
        await using (var db = h.Open())
        {
            firstTask = await db.Tasks.Where(t => t.ReferralId == first.Id && t.StepId == AirTravelWarning.TimerName).Select(t => t.Id).SingleAsync();
            secondTask = await db.Tasks.Where(t => t.ReferralId == second.Id && t.StepId == AirTravelWarning.TimerName).Select(t => t.Id).SingleAsync();
            stateBefore = (await db.Referrals.SingleAsync(r => r.Id == first.Id)).StateJson;
        }

        var wrong = await Assert.ThrowsAsync<Core.ReferralFlowException>(() =>
            h.Runtime.Runtime.CompleteTaskAsync(firstTask, "identified", new Dictionary<string, System.Text.Json.Nodes.JsonNode?>(), Caseworker));
        await h.Runtime.Runtime.CompleteTaskAsync(firstTask, "travel-booked", new Dictionary<string, System.Text.Json.Nodes.JsonNode?>(), Caseworker);
        await new CaseEventActions(h.Runtime.Runtime, h.Runtime.Clock).WithdrawAsync(second.Id, "duplicate", Caseworker);

        Assert.Contains("allowed: travel-booked, planned-another-way", wrong.Message);
        await using var check = h.Open();
        var done = await check.Tasks.SingleAsync(t => t.Id == firstTask);
        Assert.Equal((WorkTaskStatus.Completed, "travel-booked", "caseworker"), (done.Status, done.Outcome, done.ClosedBy));
        // The procedure did not move: its intake task is still the one open, and its state is as it was.
        Assert.Equal(stateBefore, (await check.Referrals.SingleAsync(r => r.Id == first.Id)).StateJson);
        Assert.True(await check.Tasks.AnyAsync(t => t.ReferralId == first.Id && t.StepId == "intake-identification" && t.Status == WorkTaskStatus.Open));
        Assert.True(await check.History.AnyAsync(e => e.ReferralId == first.Id && e.Kind == "task-completed" && e.StepId == AirTravelWarning.TimerName));
        Assert.True(await check.AuditEntries.AnyAsync(e => e.ReferralId == first.Id && e.Action == "case.task-completed"));
        Assert.Equal(WorkTaskStatus.Cancelled, (await check.Tasks.SingleAsync(t => t.Id == secondTask)).Status);
        Assert.True(await check.AuditEntries.AnyAsync(e => e.ReferralId == second.Id && e.Action == "case.task-cancelled"));
    }

    [Fact]
    public async Task A_later_assessment_cancels_the_task_of_the_day_that_no_longer_holds()
    {
        await using var h = await RecordsHarness.CreateAsync("sqlite", "case-air-travel-replan");
        var referral = await h.StartAsync();
        var limits = new Core.Escort.AirTravelLimits();
        await Core.Persistence.Transactions.RunAsync(h.Open, Caseworker, unit =>
            AirTravelWarning.PlanAsync(unit, referral.Id, 34, h.Now, limits, TimeSpan.FromDays(14), default), default);
        await h.AdvanceToAsync(h.Now.AddHours(1));

        await Core.Persistence.Transactions.RunAsync(h.Open, Caseworker, unit =>
            AirTravelWarning.PlanAsync(unit, referral.Id, null, h.Now, limits, TimeSpan.FromDays(14), default), default);

        await using var db = h.Open();
        var task = await db.Tasks.SingleAsync(t => t.ReferralId == referral.Id && t.StepId == AirTravelWarning.TimerName);
        Assert.Equal(WorkTaskStatus.Cancelled, task.Status);
        Assert.Null((await CaseEventQueries.StateAsync(db, referral.Id)).AirTravelUntil);
    }

    [Fact]
    public async Task A_suspension_holds_the_warning_but_does_not_move_it()
    {
        await using var h = await RecordsHarness.CreateAsync("sqlite", "case-air-travel-suspended");
        var actions = new CaseEventActions(h.Runtime.Runtime, h.Runtime.Clock);
        var referral = await h.StartAsync();
        await Core.Persistence.Transactions.RunAsync(h.Open, Caseworker, unit =>
            AirTravelWarning.PlanAsync(unit, referral.Id, 33, h.Now, new Core.Escort.AirTravelLimits(), TimeSpan.FromDays(14), default), default);
        var warnAt = h.Now.AddDays(21 - 14);

        await actions.SuspendAsync(referral.Id, "in-hospital", Caseworker);
        h.Runtime.Clock.AdvanceTo(warnAt.AddDays(3));
        await h.Runtime.Worker.DrainAsync();
        await using (var db = h.Open())
            Assert.False(await db.OutboxMessages.AnyAsync(m => m.Template == StaffAlert.AirTravelLimit));

        await actions.ResumeAsync(referral.Id, Caseworker);
        await using (var db = h.Open())
            Assert.Equal(warnAt, await db.Timers.Where(t => t.TokenId == CaseTimers.Token).Select(t => t.DueAt).SingleAsync());
        await h.Runtime.Worker.DrainAsync();
        await using (var check = h.Open())
            Assert.True(await check.OutboxMessages.AnyAsync(m => m.Template == StaffAlert.AirTravelLimit));
    }
}
