using ReferralFlow.Engine.Execution;
using ReferralFlow.Engine.Simulation;
using static ReferralFlow.Engine.Tests.Execution.Workflows;

namespace ReferralFlow.Engine.Tests.Simulation;

public sealed class InMemoryHostTests
{
    // The second wait is due on a date that has already passed when the first wait ends.
    private const string TwoWaits = """
        { "id": "two-waits", "version": 1, "title": "Two waits", "start": "first",
          "variables": { "travel.arrivalAt": { "type": "date", "input": true } },
          "steps": [
            { "id": "first", "type": "wait", "for": "P3D" },
            { "id": "second", "type": "wait", "until": "travel.arrivalAt" },
            { "id": "follow-up", "type": "task", "role": "caseworker", "outcomes": ["done"] },
            { "id": "done", "type": "end", "outcome": "done" } ],
          "transitions": [
            { "from": "first", "outcome": "done", "to": "second" },
            { "from": "second", "outcome": "done", "to": "follow-up" },
            { "from": "follow-up", "outcome": "done", "to": "done" } ] }
        """;

    [Fact]
    public void Fire_due_timers_also_fires_timers_scheduled_while_firing_that_are_already_due()
    {
        var host = Host(TwoWaits);
        var id = host.Start("two-waits", Data(("travel.arrivalAt", "2027-01-05T12:00:00Z")));
        host.Clock.AdvanceTo(Monday.AddDays(10));

        var fired = host.FireDueTimers();

        Assert.Equal(2, fired);
        Assert.Equal(Monday.AddDays(10), host.OpenTask("follow-up").OpenedAt);
        Assert.Equal(0, host.FireDueTimers());
        Assert.Equal(2, host.History(id).Count(e => e.Kind == "wait-elapsed"));
    }

    [Fact]
    public void Fire_due_timers_leaves_timers_that_are_not_due_yet()
    {
        var host = Host(TwoWaits);
        host.Start("two-waits", Data(("travel.arrivalAt", "2027-02-01T00:00:00Z")));
        host.Clock.AdvanceTo(Monday.AddDays(10));

        Assert.Equal(1, host.FireDueTimers());

        Assert.Equal(At("2027-02-01T00:00:00Z"), Assert.Single(host.Timers).DueAt);
        Assert.Empty(host.OpenTasks);
    }

    [Fact]
    public void Advance_to_fires_each_timer_at_its_own_due_time()
    {
        var host = Host(TwoWaits);
        var id = host.Start("two-waits", Data(("travel.arrivalAt", "2027-01-10T06:00:00Z")));

        var fired = host.AdvanceTo(Monday.AddDays(30));

        Assert.Equal(2, fired);
        Assert.Equal([Monday.AddDays(3), At("2027-01-10T06:00:00Z")],
            host.History(id).Where(e => e.Kind == "wait-elapsed").Select(e => e.At));
        Assert.Equal(At("2027-01-10T06:00:00Z"), host.OpenTask("follow-up").OpenedAt);
        Assert.Equal(Monday.AddDays(30), host.Clock.GetUtcNow());
    }

    [Fact]
    public void Journal_keeps_every_referral_history_in_commit_order()
    {
        var host = Host(TwoWaits);
        var first = host.Start("two-waits", Data(("travel.arrivalAt", "2027-01-05T00:00:00Z")));
        var second = host.Start("two-waits", Data(("travel.arrivalAt", "2027-01-05T00:00:00Z")));

        host.AdvanceTo(Monday.AddDays(4));

        Assert.Equal(host.History(first).Count + host.History(second).Count, host.Journal.Count);
        Assert.Equal(host.Journal.OrderBy(e => e.Event.At).Select(e => e.Event), host.Journal.Select(e => e.Event));
        Assert.Equal(2, host.OpenTasks.Count);
    }

    [Fact]
    public void Unknown_referral_and_procedure_are_refused()
    {
        var host = Host(TwoWaits);

        Assert.Throws<WorkflowInputException>(() => host.Withdraw(Guid.NewGuid()));
        Assert.Throws<WorkflowInputException>(() => host.RetryIncidents(Guid.NewGuid()));
        Assert.Contains("'two-wait'", Assert.Throws<WorkflowInputException>(() => host.Start("two-wait")).Message);
    }
}
