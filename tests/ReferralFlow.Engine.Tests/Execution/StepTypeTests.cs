using System.Text.Json.Nodes;
using ReferralFlow.Engine.Execution;
using ReferralFlow.Engine.Simulation;
using static ReferralFlow.Engine.Tests.Execution.Workflows;

namespace ReferralFlow.Engine.Tests.Execution;

public sealed class StepTypeTests
{
    private const string Intake = """
        { "id": "intake-only", "version": 1, "title": "Intake", "start": "intake",
          "steps": [
            { "id": "intake", "type": "task", "role": "caseworker", "form": "intake-form", "title": "Identify the person",
              "outcomes": ["identified", "not-found"] },
            { "id": "returned", "type": "end", "outcome": "returned" },
            { "id": "stopped", "type": "end", "outcome": "stopped" } ],
          "transitions": [
            { "from": "intake", "outcome": "identified", "to": "returned" },
            { "from": "intake", "outcome": "not-found", "to": "stopped" } ] }
        """;

    private const string Request = """
        { "id": "request", "version": 1, "title": "Ask the partner", "start": "accept-referral",
          "steps": [
            { "id": "accept-referral", "type": "partnerRequest", "partner": "receiving", "request": "accept-referral",
              "outcomes": ["accepted", "declined"] },
            { "id": "tell-police", "type": "notify", "to": "border-police", "notice": "arrival-notice" },
            { "id": "plan", "type": "task", "role": "coordinator", "outcomes": ["done"] },
            { "id": "accepted", "type": "end", "outcome": "accepted" },
            { "id": "declined", "type": "end", "outcome": "declined" } ],
          "transitions": [
            { "from": "accept-referral", "outcome": "accepted", "to": "tell-police" },
            { "from": "accept-referral", "outcome": "declined", "to": "declined" },
            { "from": "tell-police", "outcome": "done", "to": "plan" },
            { "from": "plan", "outcome": "done", "to": "accepted" } ] }
        """;

    private const string Waits = """
        { "id": "waits", "version": 1, "title": "Waits", "start": "cool-off",
          "variables": { "travel.departureAt": { "type": "date" } },
          "steps": [
            { "id": "cool-off", "type": "wait", "for": "P2W" },
            { "id": "book-travel", "type": "task", "role": "caseworker", "outcomes": ["booked"], "sets": ["travel.departureAt"] },
            { "id": "until-departure", "type": "wait", "until": "travel.departureAt" },
            { "id": "departed", "type": "end", "outcome": "departed" } ],
          "transitions": [
            { "from": "cool-off", "outcome": "done", "to": "book-travel" },
            { "from": "book-travel", "outcome": "booked", "to": "until-departure" },
            { "from": "until-departure", "outcome": "done", "to": "departed" } ] }
        """;

    private const string Triage = """
        { "id": "triage", "version": 1, "title": "Triage", "start": "route",
          "variables": {
            "risk.level": { "type": "string", "values": ["low", "medium", "high"], "input": true },
            "person.isChild": { "type": "boolean", "input": true, "default": false } },
          "steps": [
            { "id": "route", "type": "decision", "otherwise": "standard", "branches": [
                { "when": "risk.level == 'high'", "outcome": "high" },
                { "when": "person.isChild", "outcome": "child" } ] },
            { "id": "high", "type": "end", "outcome": "high-risk" },
            { "id": "child", "type": "end", "outcome": "child-protection" },
            { "id": "standard", "type": "end", "outcome": "standard" } ],
          "transitions": [
            { "from": "route", "outcome": "high", "to": "high" },
            { "from": "route", "outcome": "child", "to": "child" },
            { "from": "route", "outcome": "standard", "to": "standard" } ] }
        """;

    [Fact]
    public void Task_opens_for_its_role_and_its_outcome_routes_to_the_end()
    {
        var host = Host(Intake);
        var id = host.Start("intake-only");

        var task = host.OpenTask("intake");
        Assert.Equal(("caseworker", "intake-form", "Identify the person"), (task.Role, task.Form, task.Title));
        Assert.Equal(["identified", "not-found"], task.Outcomes);
        Assert.Null(task.DueAt);

        host.CompleteTask(task.Id, "not-found");

        var instance = host.Instance(id);
        Assert.Equal((InstanceStatus.Closed, "stopped"), (instance.Status, instance.Outcome));
        Assert.Equal((Closure.Completed, "not-found"), (host.Tasks.Single().Closure, host.Tasks.Single().Outcome));
        Assert.Equal(["started", "task-created:intake", "task-completed:intake", "ended:stopped"], host.Kinds(id));
    }

    [Fact]
    public void Partner_request_opens_a_hand_off_and_queues_the_request_message()
    {
        var host = Host(Request);
        var id = host.Start("request");

        var handOff = host.OpenHandOff("accept-referral");
        Assert.Equal(("receiving", "accept-referral"), (handOff.Partner, handOff.Request));
        var message = Assert.Single(host.Messages);
        Assert.Equal((MessageKind.Request, "receiving", "accept-referral", handOff.Id, Monday),
            (message.Kind, message.Recipient, message.Template, message.HandOffId, message.At));

        host.Advance(TimeSpan.FromDays(2));
        host.AnswerHandOff(handOff.Id, "declined", channel: "portal");

        var closed = host.HandOffs.Single();
        Assert.Equal((Closure.Completed, "declined", "portal", Monday.AddDays(2)),
            (closed.Closure, closed.Outcome, closed.Channel, closed.ClosedAt));
        Assert.Equal("declined", host.Instance(id).Outcome);
        Assert.Contains(host.History(id), e => e is { Kind: "handoff-answered", Detail: "declined (portal)", Actor: "receiving" });
    }

    [Fact]
    public void Notify_queues_a_notice_and_goes_straight_on()
    {
        var host = Host(Request);
        var id = host.Start("request");

        host.AnswerHandOff(host.OpenHandOff("accept-referral").Id, "accepted");

        var notice = Assert.Single(host.Messages, m => m.Kind == MessageKind.Notice);
        Assert.Equal(("tell-police", "border-police", "arrival-notice"), (notice.StepId, notice.Recipient, notice.Template));
        Assert.Equal("coordinator", host.OpenTask("plan").Role);
        Assert.Equal(["handoff-answered:accept-referral", "notice-queued:tell-police", "task-created:plan"], host.Kinds(id).TakeLast(3));
    }

    [Fact]
    public void Wait_for_a_period_resumes_exactly_when_the_period_has_passed()
    {
        var host = Host(Waits);
        var id = host.Start("waits");

        var timer = Assert.Single(host.Timers);
        Assert.Equal((TimerPurpose.Wait, Monday.AddDays(14)), (timer.Purpose, timer.DueAt));
        host.Advance(TimeSpan.FromDays(13));
        Assert.Empty(host.OpenTasks);

        host.Advance(TimeSpan.FromDays(3));

        Assert.Equal(Monday.AddDays(14), host.OpenTask("book-travel").OpenedAt);
        Assert.Contains(host.Events(id, "cool-off"), e => e.Kind == "wait-elapsed" && e.At == Monday.AddDays(14));
    }

    [Fact]
    public void Wait_until_a_date_variable_resumes_on_that_date()
    {
        var host = Host(Waits);
        var id = host.Start("waits");
        host.Advance(TimeSpan.FromDays(14));

        host.CompleteTask(host.OpenTask("book-travel").Id, "booked",
            Data(("travel.departureAt", "2027-02-10T06:30:00Z")));

        Assert.Equal(At("2027-02-10T06:30:00Z"), Assert.Single(host.Timers).DueAt);
        host.AdvanceTo(At("2027-02-10T06:29:00Z"));
        Assert.True(host.Instance(id).IsActive);
        host.AdvanceTo(At("2027-02-11T00:00:00Z"));
        Assert.Equal("departed", host.Instance(id).Outcome);
        Assert.Equal(At("2027-02-10T06:30:00Z"), host.History(id)[^1].At);
    }

    [Theory]
    [InlineData("high", true, "high-risk")]
    [InlineData("low", true, "child-protection")]
    [InlineData("medium", false, "standard")]
    public void Decision_takes_the_first_branch_that_holds_or_otherwise(string risk, bool child, string ended)
    {
        var host = Host(Triage);

        var id = host.Start("triage", Data(("risk.level", risk), ("person.isChild", child)));

        Assert.Equal(ended, host.Instance(id).Outcome);
        Assert.Contains(host.History(id), e => e.Kind == "decided" && e.StepId == "route");
    }

    [Fact]
    public void Decision_uses_the_default_of_an_input_that_is_not_given()
    {
        var host = Host(Triage);

        var id = host.Start("triage", Data(("risk.level", "low")));

        Assert.Equal("standard", host.Instance(id).Outcome);
    }

    [Fact]
    public void End_closes_the_referral_with_its_outcome_and_leaves_nothing_open()
    {
        var host = Host(Request);
        var id = host.Start("request");
        host.AnswerHandOff(host.OpenHandOff("accept-referral").Id, "accepted");

        host.CompleteTask(host.OpenTask("plan").Id, "done");

        var instance = host.Instance(id);
        Assert.Equal((InstanceStatus.Closed, "accepted"), (instance.Status, instance.Outcome));
        Assert.Empty(instance.State.Tokens);
        Assert.Empty(host.OpenTasks);
        Assert.Empty(host.OpenHandOffs);
        Assert.Equal(("ended", "accepted"), (host.History(id)[^1].Kind, host.History(id)[^1].Detail));
    }

    [Fact]
    public void Input_that_is_not_declared_as_input_is_refused()
    {
        var host = Host(Triage);

        var error = Assert.Throws<WorkflowInputException>(() => host.Start("triage", Data(("risk.score", JsonValue.Create(3)))));

        Assert.Contains("risk.level, person.isChild", error.Message);
        Assert.Empty(host.Instances);
    }
}
