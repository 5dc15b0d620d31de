using ReferralFlow.Engine.Execution;
using ReferralFlow.Engine.Simulation;
using static ReferralFlow.Engine.Tests.Execution.Workflows;

namespace ReferralFlow.Engine.Tests.Simulation;

public sealed class SimulatorTests
{
    private static readonly Simulator Simulator = new(Catalog(Procedures.Monitoring, Procedures.Return));

    private static SimulationResult Run(string script) =>
        Simulator.Run("transnational-return", SimulationScript.Parse(script, "script.json"));

    private static List<(DateTimeOffset At, string Kind, string? Detail)> Step(SimulationResult result, string stepId) =>
        [.. result.Timeline.Where(e => e.StepId == stepId).Select(e => (e.At, e.Kind, e.Detail))];

    [Fact]
    public void Default_path_answers_every_step_on_time_and_reaches_the_end()
    {
        var result = Run("""{ "start": "2027-01-04T09:00:00Z" }""");

        Assert.Equal((SimulationStop.Ended, "returned"), (result.Stop, result.Outcome));
        Assert.Equal(At("2027-02-10T09:00:00Z"), result.StoppedAt);
        Assert.Equal(result.Timeline.OrderBy(e => e.At).Select(e => e.At), result.Timeline.Select(e => e.At));
        Assert.DoesNotContain(result.Timeline, e => e.Kind is "reminder" or "escalated" or "timed-out" or "deadline-missed" or "incident");
        Assert.Equal(2, result.Timeline.Count(e => e is { Workflow: "monitoring", Kind: "handoff-answered" }));
        // The booked arrival is filled in as opening + 14 days, so dueFrom works on the default path.
        Assert.Contains(result.Timeline, e => e is { StepId: "arrival-confirmation", Kind: "handoff-requested" }
            && e.Detail == "receiving: arrival-confirmation, due 2027-01-20 15:00");
        Assert.Equal(("returned", "ended"), (result.Timeline[^1].StepId, result.Timeline[^1].Kind));
    }

    [Fact]
    public void Partner_who_never_answers_gets_reminders_then_backup_coordinator_and_the_timeout_in_order()
    {
        var result = Run("""
            { "start": "2027-01-04T09:00:00Z",
              "steps": { "accept-referral": { "never": true }, "find-partner": { "outcome": "none", "after": "P1D" } } }
            """);

        Assert.Equal(
        [
            (At("2027-01-05T09:00:00Z"), "handoff-requested", "receiving: accept-referral, due 2027-01-15 09:00"),
            (At("2027-01-13T09:00:00Z"), "reminder", "receiving"),
            (At("2027-01-15T09:00:00Z"), "deadline-missed", null),
            (At("2027-01-16T09:00:00Z"), "reminder", "receiving"),
            (At("2027-01-17T09:00:00Z"), "escalated", "backup"),
            (At("2027-01-20T09:00:00Z"), "escalated", "coordinator"),
            (At("2027-01-29T09:00:00Z"), "timed-out", "timeout"),
        ], Step(result, "accept-referral"));
        Assert.Equal((SimulationStop.Ended, "not-placed"), (result.Stop, result.Outcome));
        Assert.Equal(At("2027-01-30T09:00:00Z"), result.StoppedAt);
    }

    [Fact]
    public void List_of_answers_is_used_in_order_and_the_last_one_repeats()
    {
        var result = Run("""
            { "start": "2027-01-04T09:00:00Z",
              "steps": { "accept-referral": [ { "outcome": "declined", "after": "P3D" }, { "outcome": "accepted", "after": "P2D" } ],
                         "monitoring/monthly-report": [ { "after": "P5D" } ] } }
            """);

        Assert.Equal(
        [
            (At("2027-01-08T09:00:00Z"), "declined (email)"),
            (At("2027-01-11T09:00:00Z"), "accepted (email)"),
        ], Step(result, "accept-referral").Where(e => e.Kind == "handoff-answered").Select(e => (e.At, e.Detail!)));
        Assert.Equal(
        [
            At("2027-01-18T09:00:00Z"), At("2027-02-23T09:00:00Z"),
        ], result.Timeline.Where(e => e is { Workflow: "monitoring", Kind: "handoff-answered" }).Select(e => e.At));
        Assert.Equal("returned", result.Outcome);
    }

    [Fact]
    public void Input_and_scripted_data_steer_the_decisions()
    {
        var child = Run("""{ "start": "2027-01-04T09:00:00Z", "input": { "person.isChild": true } }""");
        var highRisk = Run("""{ "start": "2027-01-04T09:00:00Z", "steps": { "intake": { "data": { "risk.level": "high" } } } }""");
        var adult = Run("""{ "start": "2027-01-04T09:00:00Z" }""");

        Assert.Contains(child.Timeline, e => e is { Kind: "decided", Detail: "protected" });
        Assert.Contains(highRisk.Timeline, e => e is { Kind: "notice-queued", Detail: "child-protection" });
        Assert.Contains(adult.Timeline, e => e is { Kind: "decided", Detail: "standard" });
    }

    [Fact]
    public void Stops_when_nothing_more_can_happen_and_says_what_is_still_open()
    {
        var result = Run("""{ "start": "2027-01-04T09:00:00Z", "steps": { "monthly-report": { "never": true } } }""");

        Assert.Equal(SimulationStop.Stuck, result.Stop);
        Assert.Null(result.Outcome);
        Assert.Contains("request 'monthly-report' to receiving in monitoring", result.StopReason);
        Assert.Equal("reminder", result.Timeline[^1].Kind);
    }

    [Fact]
    public void Stops_at_the_horizon_when_the_next_event_lies_beyond_it()
    {
        var result = Run("""{ "start": "2027-01-04T09:00:00Z", "horizon": "P20D", "steps": { "accept-referral": { "never": true } } }""");

        Assert.Equal(SimulationStop.HorizonPassed, result.Stop);
        Assert.Equal(At("2027-01-24T09:00:00Z"), result.StoppedAt);
        Assert.Contains("horizon P20D", result.StopReason);
        Assert.Equal("escalated", result.Timeline[^1].Kind);
    }

    [Fact]
    public void Without_a_start_the_rehearsal_begins_today_at_nine()
    {
        var simulator = new Simulator(Catalog(Procedures.Monitoring, Procedures.Return), new VirtualClock(At("2027-03-02T17:45:00Z")));

        var result = simulator.Run("transnational-return");

        Assert.Equal(At("2027-03-02T09:00:00Z"), result.StartedAt);
        Assert.Equal("returned", result.Outcome);
    }

    [Theory]
    [InlineData("""{ "acept-referral": {} }""", "at $.steps['acept-referral']: no step 'acept-referral'")]
    [InlineData("""{ "monitorin/monthly-report": {} }""", "'monitorin' is not this procedure nor one of its subworkflows")]
    [InlineData("""{ "route": { "outcome": "standard" } }""", "step 'route' is a decision step, which nobody answers")]
    [InlineData("""{ "accept-referral": { "outcome": "approved" } }""", "choose one of: accepted, declined, timeout")]
    [InlineData("""{ "accept-referral": { "after": "3 days" } }""", "at $.steps['accept-referral'].after: '3 days' is not a duration")]
    [InlineData("""{ "accept-referral": { "after": "-P1D" } }""", "cannot be negative")]
    [InlineData("""{ "accept-referral": [ {}, { "outcom": "accepted" } ] }""", "at $.steps['accept-referral'][1].outcom: unknown field 'outcom'")]
    [InlineData("""{ "accept-referral": { "never": true, "outcome": "accepted" } }""", "\"never\": true has no outcome")]
    [InlineData("""{ "intake": { "data": { "travel.arrivalAt": "2027-02-01" } } }""", "does not set 'travel.arrivalAt'; it sets: risk.level")]
    [InlineData("""{ "intake": { "data": { "risk.level": "extreme" } } }""", "'risk.level' must be one of low, high")]
    public void Bad_script_is_refused_with_what_to_fix(string steps, string expected)
    {
        var error = Assert.Throws<SimulationScriptException>(() => Run($$"""{ "start": "2027-01-04T09:00:00Z", "steps": {{steps}} }"""));

        Assert.True(error.Message.Contains(expected, StringComparison.Ordinal), error.Message);
        Assert.StartsWith("script.json: ", error.Problems[0]);
    }

    [Theory]
    [InlineData("""{ "start": "next monday" }""", "'start' must be a date-time")]
    [InlineData("""{ "horizon": "P0D" }""", "must be a positive duration")]
    [InlineData("""{ "input": { "person.age": 30 } }""", "'person.age' is not an input of 'transnational-return'")]
    [InlineData("""{ "input": { "person.isChild": "yes" } }""", "'person.isChild' must be a boolean")]
    [InlineData("""{ "stepz": {} }""", "unknown field 'stepz'")]
    [InlineData("""{ "steps": { "intake": { "after": "P1D" } """, "not valid JSON")]
    public void Bad_script_settings_are_refused_with_what_to_fix(string script, string expected)
    {
        var error = Assert.Throws<SimulationScriptException>(() => Run(script));

        Assert.True(error.Message.Contains(expected, StringComparison.Ordinal), error.Message);
    }

    [Fact]
    public void Every_problem_of_a_script_is_reported_at_once()
    {
        var unreadable = Assert.Throws<SimulationScriptException>(() => Run("""
            { "start": "monday", "horizon": "forever", "steps": { "book-travel": { "after": "soon" } } }
            """));
        var mismatched = Assert.Throws<SimulationScriptException>(() => Run("""
            { "steps": { "acept-referral": {}, "intake": { "outcome": "lost", "data": { "risk.level": "extreme" } } } }
            """));

        Assert.Equal(["$.start", "$.horizon", "$.steps['book-travel'].after"],
            unreadable.Problems.Select(p => p.Split(": ")[1].Replace("at ", "")));
        Assert.Equal(3, mismatched.Problems.Count);
    }

    [Fact]
    public void Unknown_procedure_is_refused_with_the_known_ones()
    {
        var error = Assert.Throws<WorkflowInputException>(() => Simulator.Run("transnational-retrun"));

        Assert.Contains("monitoring, transnational-return", error.Message);
    }
}
