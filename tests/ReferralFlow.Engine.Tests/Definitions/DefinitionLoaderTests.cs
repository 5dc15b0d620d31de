using ReferralFlow.Engine.Conditions;
using ReferralFlow.Engine.Definitions;

namespace ReferralFlow.Engine.Tests.Definitions;

public class DefinitionLoaderTests
{
    [Fact]
    public void Loads_a_definition_with_every_step_type()
    {
        var result = DefinitionLoader.Load(Samples.Return, "workflows/transnational-return.json");

        result.Valid();
        var d = result.Definition!;
        Assert.Equal(("transnational-return", 1, "Transnational return (adult)", "intake"), (d.Id, d.Version, d.Title, d.Start));
        Assert.Equal("Every step type once.", d.Description);
        Assert.Equal(
            ["task", "decision", "notify", "partnerRequest", "parallel", "partnerRequest", "task", "wait",
             "partnerRequest", "subworkflow", "wait", "subworkflow", "end", "end", "end"],
            d.Steps.Select(s => s.Type));
        Assert.Equal(15, d.Transitions.Count);
        Assert.Equal("assess", d.Target("intake", "identified"));
        Assert.Equal(Transition.Join, d.Target("book-travel", "booked"));
    }

    [Fact]
    public void Maps_variables_with_typed_defaults()
    {
        var d = DefinitionLoader.Load(Samples.Return, "x.json").Definition!;

        Assert.Equal(new VariableDefinition(VariableType.Boolean, true, false), d.Variables["person.isChild"]);
        Assert.Equal(VariableType.String, d.Variables["risk.level"].Type);
        Assert.Equal(["low", "medium", "high"], d.Variables["risk.level"].Values!);
        Assert.Equal("low", d.Variables["risk.level"].Default);
        Assert.Equal(12m, d.Variables["monitoring.months"].Default);
        Assert.Equal("2026-12-01T14:30:00Z", d.Variables["travel.arrivalAt"].Default);
        Assert.Null(d.Variables["reports.sent"].Default);
        Assert.Equal(VariableType.Date, d.VariableTypes["travel.arrivalAt"]);
    }

    [Fact]
    public void Maps_task_fields_and_deadline()
    {
        var task = Assert.IsType<TaskStep>(DefinitionLoader.Load(Samples.Return, "x.json").Definition!.Step("intake"));

        Assert.Equal(("Identify", "caseworker", "intake-form"), (task.Title, task.Role, task.Form));
        Assert.Equal(["identified", "withdrawn"], task.Outcomes);
        Assert.Equal(["risk.level"], task.Sets);
        var deadline = task.Deadline!;
        Assert.Equal("P10D", deadline.Due.Text);
        Assert.Null(deadline.DueFrom);
        Assert.Equal(["-P2D", "P1D"], deadline.Remind.Select(r => r.Text));
        Assert.True(deadline.Remind[0].Negative);
        Assert.Equal([("P2D", "backup"), ("P5D", "coordinator"), ("P14D", "withdrawn")],
            deadline.Escalate.Select(e => (e.After.Text, e.To)));
        Assert.True(deadline.Escalate[2].IsOutcome);
    }

    [Fact]
    public void Maps_the_other_step_types()
    {
        var d = DefinitionLoader.Load(Samples.Return, "x.json").Definition!;

        var decision = Assert.IsType<DecisionStep>(d.Step("assess"));
        Assert.Equal(["high", "normal"], decision.Outcomes);
        Assert.True(decision.Branches[0].Condition.Evaluate(
            new Dictionary<string, object?> { ["risk.level"] = "low", ["person.isChild"] = true }));
        var notify = Assert.IsType<NotifyStep>(d.Step("alert"));
        Assert.Equal(("child-protection", "high-risk"), (notify.To, notify.Notice));
        var request = Assert.IsType<PartnerRequestStep>(d.Step("confirm-arrival"));
        Assert.Equal(("receiving", "arrival-confirmation", "travel.arrivalAt"), (request.Partner, request.Request, request.Deadline!.DueFrom));
        Assert.Equal(5, Assert.IsType<PartnerRequestStep>(d.Step("accept")).Deadline!.Due.BusinessDays);
        var parallel = Assert.IsType<ParallelStep>(d.Step("prepare"));
        Assert.Equal(JoinMode.All, parallel.Join);
        Assert.Equal("book-travel", parallel.Branches["travel"]);
        Assert.Equal("travel.arrivalAt", Assert.IsType<WaitStep>(d.Step("await-arrival")).Until);
        var settle = Assert.IsType<WaitStep>(d.Step("settle"));
        Assert.Equal(("P1M", "reports.sent"), (settle.For!.Text, settle.Count));
        var monitor = Assert.IsType<SubworkflowStep>(d.Step("monitor"));
        Assert.True(monitor.Wait);
        Assert.Equal(["completed"], monitor.Outcomes);
        Assert.Equal("monitoring.months", monitor.Input["months"]);
        var aftercare = Assert.IsType<SubworkflowStep>(d.Step("aftercare"));
        Assert.False(aftercare.IsWaiting);
        Assert.Equal(6m, aftercare.Input["months"]);
        Assert.Equal(["started"], aftercare.Outcomes);
        Assert.Equal("declined", Assert.IsType<EndStep>(d.Step("declined")).Outcome);
    }

    [Fact]
    public void The_minimal_builder_definition_is_valid() => Wf.Minimal().Load().Valid();

    [Fact]
    public void Formats_a_problem_on_one_line_with_file_step_and_path()
    {
        var problem = new DefinitionProblem("workflows/x.json", "accept", "$.steps[4].due", "'P10X' is not a duration");
        Assert.Equal("workflows/x.json: step 'accept' at $.steps[4].due: 'P10X' is not a duration", problem.ToString());
        Assert.Equal("workflows/x.json: at $.start: bad", new DefinitionProblem("workflows/x.json", null, "$.start", "bad").ToString());
    }

    [Fact]
    public void Reports_an_unreadable_file_instead_of_throwing()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.json");
        var problem = Assert.Single(DefinitionLoader.LoadFile(path).Problems);
        Assert.Equal((path, "$"), (problem.File, problem.JsonPath));
        Assert.Contains("cannot read", problem.Message);
    }

    [Fact]
    public void Reports_all_five_problems_of_a_file_with_five_mistakes()
    {
        var doc = Wf.Minimal();
        doc.Intake()["due"] = "P10X";                                  // bad duration
        doc.Intake()["outcome"] = "x";                                 // unknown field
        doc.AddSteps("""{ "id": "orphan", "type": "notify", "to": "consulate", "notice": "n" }""")
            .AddTransition("orphan", "done", "closed");                // unreachable
        doc.AddTransition("closed", "done", "intake");                 // transition out of an end step
        doc["version"] = 0;                                            // not a version

        var result = doc.Load();

        Assert.Equal(5, result.Problems.Count);
        Assert.Null(result.Definition);
        Assert.Equal(
            ["$.version", "$.steps[0].outcome", "$.steps[0].due", "$.transitions[3]", "$.steps[3]"],
            result.Problems.Select(p => p.JsonPath));
        Assert.All(result.Problems, p => Assert.Equal(Wf.File, p.File));
    }
}
