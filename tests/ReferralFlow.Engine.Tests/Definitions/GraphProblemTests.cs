using System.Text.Json.Nodes;

namespace ReferralFlow.Engine.Tests.Definitions;

// Rules 6–8: start, transitions, reachability and loops without a waiting step.
public class GraphProblemTests
{
    [Fact]
    public void Reports_start_that_is_not_a_step()
    {
        var doc = Wf.Minimal();
        doc["start"] = "intak";
        var problems = doc.Load().Problems;
        problems[0].Is(null, "$.start", "start 'intak' is not a step", "did you mean 'intake'?");
    }

    [Fact]
    public void Reports_transition_from_missing_step_with_path()
    {
        var doc = Wf.Minimal().AddTransition("nowhere", "done", "closed");
        doc.Load().SingleIs(null, "$.transitions[2].from", "transition from unknown step 'nowhere'", "use the id of a step");
    }

    [Fact]
    public void Reports_transition_to_missing_step_with_path()
    {
        var doc = Wf.Minimal().AddTransition("intake", "other", "clossed");
        doc.Intake()["outcomes"]!.AsArray().Add("other");
        doc.Load().SingleIs("intake", "$.transitions[2].to", "transition to unknown step 'clossed'", "\"join\"", "did you mean 'closed'?");
    }

    [Fact]
    public void Reports_transition_for_outcome_the_step_does_not_declare()
    {
        var doc = Wf.Minimal().AddTransition("intake", "identifed", "closed");
        doc.Load().SingleIs("intake", "$.transitions[2].outcome", "task step 'intake' has no outcome 'identifed'",
            "identified, withdrawn", "did you mean 'identified'?");
    }

    [Fact]
    public void Reports_duplicate_transition_for_the_same_outcome()
    {
        var doc = Wf.Minimal().AddTransition("intake", "identified", "withdrawn-end");
        doc.Load().SingleIs("intake", "$.transitions[2]", "second transition for outcome 'identified'", "$.transitions[0]");
    }

    [Fact]
    public void Reports_declared_outcome_without_transition_at_the_outcome()
    {
        var doc = Wf.Minimal();
        doc.Intake()["outcomes"]!.AsArray().Add("deferred");
        doc.Load().SingleIs("intake", "$.steps[0].outcomes[2]", "outcome 'deferred' of step 'intake' has no transition",
            "\"from\": \"intake\", \"outcome\": \"deferred\"");
    }

    [Fact]
    public void Reports_fixed_outcome_without_transition_at_the_step()
    {
        var doc = Wf.Minimal().Attach("""{ "id": "tell", "type": "notify", "to": "consulate", "notice": "case-opened" }""");
        doc.Load().SingleIs("tell", "$.steps[3]", "outcome 'done' of step 'tell' has no transition");
    }

    [Fact]
    public void Reports_transition_out_of_an_end_step()
    {
        var doc = Wf.Minimal().AddTransition("closed", "done", "intake");
        doc.Load().SingleIs("closed", "$.transitions[2]", "end step 'closed'", "no outgoing transitions", "remove");
    }

    [Fact]
    public void Reports_unreachable_step()
    {
        var doc = Wf.Minimal().AddSteps("""{ "id": "orphan", "type": "end", "outcome": "lost" }""");
        doc.Load().SingleIs("orphan", "$.steps[3]", "step 'orphan' cannot be reached from start step 'intake'");
    }

    [Fact]
    public void Reports_loop_made_only_of_steps_that_do_not_wait()
    {
        var doc = Wf.Minimal().Insert("""
            { "id": "check", "type": "decision", "branches": [{ "when": "person.isChild", "outcome": "child" }], "otherwise": "adult" }
            """, "adult");
        doc.AddSteps("""{ "id": "tell", "type": "notify", "to": "guardian", "notice": "child-case" }""")
            .AddTransition("check", "child", "tell").AddTransition("tell", "done", "check");

        doc.Load().SingleIs("check", "$.steps[3]", "steps 'check', 'tell' form a loop with no waiting step", "task, partnerRequest, wait");
    }

    [Fact]
    public void Reports_step_that_leads_back_to_itself_without_waiting()
    {
        var doc = Wf.Minimal().Attach("""
            { "id": "spin", "type": "subworkflow", "workflow": "monitoring", "wait": false }
            """);
        doc.AddTransition("spin", "started", "spin");
        doc.Load().SingleIs("spin", "$.steps[3]", "step 'spin' leads back to itself with no waiting step");
    }

    [Fact]
    public void Accepts_a_loop_with_a_waiting_step_in_it()
    {
        var doc = Wf.Minimal().Insert("""
            { "id": "check", "type": "decision", "branches": [{ "when": "reports >= 3", "outcome": "enough" }], "otherwise": "more" }
            """, "enough");
        doc.AddSteps("""{ "id": "report", "type": "task", "role": "caseworker", "outcomes": ["sent"], "count": "reports" }""")
            .AddTransition("check", "more", "report").AddTransition("report", "sent", "check");
        doc.Load().Valid();
    }

    [Fact]
    public void Reports_only_the_typo_when_a_step_type_is_unknown()
    {
        // Outcomes of an unknown step type are unknown: its transitions are not second-guessed.
        var doc = Wf.Minimal();
        doc.Intake()["type"] = "approval";
        doc.Load().SingleIs("intake", "$.steps[0].type", "unknown step type 'approval'");
    }

    [Fact]
    public void Reports_missing_transitions_list_once()
    {
        var doc = Wf.Minimal();
        doc.Remove("transitions");
        var problems = doc.Load().Problems;
        problems[0].Is(null, "$.transitions", "missing required field 'transitions'");
        Assert.DoesNotContain(problems, p => p.Message.Contains("has no transition"));
    }

    [Fact]
    public void Reports_transition_that_is_not_an_object() =>
        Wf.Minimal().Also(d => d.Transitions().Add(JsonValue.Create(3))).Load()
            .SingleIs(null, "$.transitions[2]", "a transition must be a JSON object");
}

internal static class JsonObjectExtensions
{
    public static JsonObject Also(this JsonObject doc, Action<JsonObject> change)
    {
        change(doc);
        return doc;
    }
}
