using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Acting;
using ReferralFlow.Core.CaseEvents;
using ReferralFlow.Core.CaseRecords;
using ReferralFlow.Core.Forms;
using ReferralFlow.Core.Partners;
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
            Assert.False(await db.OutboxMessages.AnyAsync(m => m.Template == StaffAlert.AirTravelLimit));

        await h.AdvanceToAsync(warnAt);

        await using (var db = h.Open())
        {
            var alert = await db.OutboxMessages.SingleAsync(m => m.Template == StaffAlert.AirTravelLimit);
            Assert.Equal((Recipients.Coordinator, warnAt, referral.Id), (alert.Recipient, alert.CreatedAt, alert.ReferralId));
            Assert.True(await db.Set<CaseEvent>().AnyAsync(e => e.Kind == CaseEventKinds.AirTravelWarned && e.RecordedAt == warnAt));
            Assert.False(await db.Timers.AnyAsync(t => t.TokenId == CaseTimers.Token));
            Assert.Equal(new DateOnly(2027, 2, 14), (await CaseEventQueries.StateAsync(db, referral.Id)).AirTravelUntil);
        }
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
