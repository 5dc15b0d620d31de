using ReferralFlow.Engine.Execution;
using ReferralFlow.Engine.Simulation;
using static ReferralFlow.Engine.Tests.Execution.Workflows;

namespace ReferralFlow.Engine.Tests.Execution;

public sealed class DeadlineTests
{
    private static string Acceptance(string due) => $$"""
        { "id": "acceptance", "version": 1, "title": "Acceptance", "start": "accept-referral",
          "steps": [
            { "id": "accept-referral", "type": "partnerRequest", "partner": "receiving", "request": "accept-referral",
              "outcomes": ["accepted", "declined", "timeout"], "due": "{{due}}", "remind": ["-P2D", "P1D"],
              "escalate": [ { "after": "P2D", "to": "backup" }, { "after": "P5D", "to": "coordinator" },
                            { "after": "P14D", "to": "timeout" } ] },
            { "id": "tell-coordinator", "type": "notify", "to": "coordinator", "notice": "no-answer" },
            { "id": "review", "type": "task", "role": "coordinator", "outcomes": ["closed"] },
            { "id": "accepted", "type": "end", "outcome": "accepted" },
            { "id": "declined", "type": "end", "outcome": "declined" } ],
          "transitions": [
            { "from": "accept-referral", "outcome": "accepted", "to": "accepted" },
            { "from": "accept-referral", "outcome": "declined", "to": "declined" },
            { "from": "accept-referral", "outcome": "timeout", "to": "tell-coordinator" },
            { "from": "tell-coordinator", "outcome": "done", "to": "review" },
            { "from": "review", "outcome": "closed", "to": "declined" } ] }
        """;

    private const string Arrival = """
        { "id": "arrival", "version": 1, "title": "Arrival", "start": "book-travel",
          "variables": { "travel.arrivalAt": { "type": "date" } },
          "steps": [
            { "id": "book-travel", "type": "task", "role": "caseworker", "outcomes": ["booked"], "sets": ["travel.arrivalAt"] },
            { "id": "arrival-confirmation", "type": "partnerRequest", "partner": "receiving", "request": "arrival-confirmation",
              "outcomes": ["arrived"], "due": "PT6H", "dueFrom": "travel.arrivalAt" },
            { "id": "arrived", "type": "end", "outcome": "arrived" } ],
          "transitions": [
            { "from": "book-travel", "outcome": "booked", "to": "arrival-confirmation" },
            { "from": "arrival-confirmation", "outcome": "arrived", "to": "arrived" } ] }
        """;

    [Theory]
    [InlineData("P10D", "2027-01-14T09:00:00Z")]
    [InlineData("PT48H", "2027-01-06T09:00:00Z")]
    [InlineData("P1M", "2027-02-04T09:00:00Z")]
    [InlineData("P5BD", "2027-01-11T09:00:00Z")]
    public void Due_time_counts_from_when_the_step_opens(string due, string expected)
    {
        var host = Host(Acceptance(due));

        host.Start("acceptance");

        Assert.Equal(At(expected), host.OpenHandOff("accept-referral").DueAt);
        Assert.Contains(host.Timers, t => t.Purpose == TimerPurpose.Due && t.DueAt == At(expected));
    }

    [Theory]
    [InlineData("P3BD", "2027-01-12T09:00:00Z")] // Thursday + 3 business days skips the weekend: Tuesday
    [InlineData("P1BD", "2027-01-08T09:00:00Z")]
    [InlineData("P2BD", "2027-01-11T09:00:00Z")]
    public void Business_days_skip_the_weekend(string due, string expected)
    {
        var host = Host(Acceptance(due));
        host.AdvanceTo(At("2027-01-07T09:00:00Z")); // a Thursday

        host.Start("acceptance");

        Assert.Equal(At(expected), host.OpenHandOff("accept-referral").DueAt);
    }

    [Fact]
    public void Due_from_a_date_variable_counts_from_that_date()
    {
        var host = Host(Arrival);
        host.Start("arrival");

        host.CompleteTask(host.OpenTask("book-travel").Id, "booked", Data(("travel.arrivalAt", "2027-01-20T14:30:00Z")));

        Assert.Equal(At("2027-01-20T20:30:00Z"), host.OpenHandOff("arrival-confirmation").DueAt);
    }

    [Fact]
    public void Reminders_go_to_the_partner_before_and_after_the_due_time()
    {
        var host = Host(Acceptance("P10D"));
        host.Start("acceptance");

        host.AdvanceTo(Monday.AddDays(12));

        var reminders = host.Messages.Where(m => m.Kind == MessageKind.Reminder).ToList();
        Assert.Equal([Monday.AddDays(8), Monday.AddDays(11)], reminders.Select(m => m.At));
        Assert.All(reminders, m => Assert.Equal(("receiving", host.HandOffs.Single().Id), (m.Recipient, m.HandOffId)));
    }

    [Fact]
    public void Escalation_ladder_fires_backup_then_coordinator_then_the_timeout_outcome_once_each()
    {
        var host = Host(Acceptance("P10D"));
        var id = host.Start("acceptance");

        host.AdvanceTo(Monday.AddDays(60));

        Assert.Equal(0, host.FireDueTimers());
        var due = Monday.AddDays(10);
        Assert.Equal(
        [
            (Monday.AddDays(8), "reminder", "receiving"),
            (due, "deadline-missed", null),
            (due.AddDays(1), "reminder", "receiving"),
            (due.AddDays(2), "escalated", "backup"),
            (due.AddDays(5), "escalated", "coordinator"),
            (due.AddDays(14), "timed-out", "timeout"),
        ], host.Events(id, "accept-referral").Where(e => e.Kind != "handoff-requested").Select(e => (e.At, e.Kind, e.Detail)));
        Assert.Equal(["backup", "coordinator"],
            host.Messages.Where(m => m.Kind == MessageKind.Escalation).Select(m => m.Recipient));
        var handOff = host.HandOffs.Single();
        Assert.Equal((Closure.Expired, "timeout", due.AddDays(14)), (handOff.Closure, handOff.Outcome, handOff.ClosedAt));
        Assert.Equal(due.AddDays(14), host.OpenTask("review").OpenedAt);
        Assert.Single(host.Messages, m => m is { Kind: MessageKind.Notice, Template: "no-answer" });
        Assert.Empty(host.Timers);
    }

    [Fact]
    public void Answer_cancels_the_pending_timers_so_no_reminder_follows()
    {
        var host = Host(Acceptance("P10D"));
        var id = host.Start("acceptance");
        Assert.Equal(6, host.Timers.Count); // due, two reminders, three escalation rungs

        host.Advance(TimeSpan.FromDays(3));
        host.AnswerHandOff(host.OpenHandOff("accept-referral").Id, "accepted");

        Assert.Empty(host.Timers);
        Assert.Equal(0, host.Advance(TimeSpan.FromDays(60)));
        Assert.DoesNotContain(host.Messages, m => m.Kind is MessageKind.Reminder or MessageKind.Escalation);
        Assert.Equal("accepted", host.Instance(id).Outcome);
    }

    [Fact]
    public void Answer_after_the_due_time_stops_the_rest_of_the_ladder()
    {
        var host = Host(Acceptance("P10D"));
        var id = host.Start("acceptance");

        host.Advance(TimeSpan.FromDays(13)); // reminder, deadline, reminder and backup have fired
        host.AnswerHandOff(host.OpenHandOff("accept-referral").Id, "declined");
        host.Advance(TimeSpan.FromDays(30));

        Assert.Equal(["backup"], host.Messages.Where(m => m.Kind == MessageKind.Escalation).Select(m => m.Recipient));
        Assert.Equal((Closure.Completed, "declined"), (host.HandOffs.Single().Closure, host.HandOffs.Single().Outcome));
        Assert.Equal("declined", host.Instance(id).Outcome);
    }
}
