using System.Text.Json.Nodes;
using ReferralFlow.Engine.Definitions;

namespace ReferralFlow.Engine.Tests.Definitions;

// Rules 1–5: JSON shape, fields, kinds, step types and ids.
public class StructureProblemTests
{
    [Fact]
    public void Reports_malformed_json_with_line_and_position()
    {
        var result = DefinitionLoader.Load("{\n  \"id\": \"x\",\n  \"version\" 1\n}", Wf.File);

        result.SingleIs(null, "$", "not valid JSON", "line 3", "position 13", "fix the syntax");
    }

    [Fact]
    public void Reports_empty_text_as_malformed_json() =>
        DefinitionLoader.Load("", Wf.File).SingleIs(null, "$", "not valid JSON", "line 1");

    [Fact]
    public void Reports_root_that_is_not_an_object() =>
        DefinitionLoader.Load("[1, 2]", Wf.File).SingleIs(null, "$", "must hold one JSON object", "not an array");

    [Fact]
    public void Reports_unknown_root_field_with_closest_name()
    {
        var doc = Wf.Minimal();
        doc["titel"] = "typo";
        doc.Load().SingleIs(null, "$.titel", "unknown field 'titel' on the procedure", "did you mean 'title'?");
    }

    [Fact]
    public void Reports_unknown_step_field_with_closest_name()
    {
        var doc = Wf.Minimal();
        doc.Intake()["outcome"] = "identified";
        doc.Load().SingleIs("intake", "$.steps[0].outcome", "unknown field 'outcome' on task step; did you mean 'outcomes'?");
    }

    [Fact]
    public void Reports_field_of_another_step_type_as_unknown_and_lists_the_known_fields()
    {
        var doc = Wf.Minimal();
        doc.Intake()["notice"] = "x";
        doc.Load().SingleIs("intake", "$.steps[0].notice", "unknown field 'notice' on task step", "remove it", "role", "outcomes");
    }

    [Fact]
    public void Reports_unknown_variable_field_with_bracket_path()
    {
        var doc = Wf.Minimal();
        doc["variables"]!["risk.level"]!["valeus"] = new JsonArray();
        doc.Load().SingleIs(null, "$.variables['risk.level'].valeus", "unknown field 'valeus' on variable 'risk.level'", "'values'");
    }

    [Fact]
    public void Reports_unknown_transition_field()
    {
        var doc = Wf.Minimal();
        doc.Transitions()[0]!["when"] = "x";
        doc.Load().SingleIs("intake", "$.transitions[0].when", "unknown field 'when' on a transition");
    }

    [Fact]
    public void Reports_unknown_decision_branch_field()
    {
        var doc = Wf.Minimal().Insert("""
            { "id": "route", "type": "decision", "branches": [{ "when": "person.isChild", "outcome": "child", "outcom": "x" }],
              "otherwise": "adult" }
            """, "child", "adult");
        doc.Load().SingleIs("route", "$.steps[3].branches[0].outcom", "unknown field 'outcom' on a decision branch", "'outcome'");
    }

    [Fact]
    public void Reports_unknown_escalation_rung_field()
    {
        var doc = Wf.Minimal();
        doc.Intake()["escalate"] = JsonNode.Parse("""[{ "after": "P1D", "to": "backup", "too": "x" }]""");
        doc.Load().SingleIs("intake", "$.steps[0].escalate[0].too", "unknown field 'too' on an escalation rung", "'to'");
    }

    [Fact]
    public void Reports_field_given_twice()
    {
        var json = Wf.Minimal().ToJsonString().Replace("\"title\":\"Sample\"", "\"title\":\"Sample\",\"title\":\"Again\"");
        DefinitionLoader.Load(json, Wf.File).SingleIs(null, "$.title", "appears more than once");
    }

    [Fact]
    public void Reports_missing_required_step_field()
    {
        var doc = Wf.Minimal();
        doc.Intake().Remove("role");
        doc.Load().SingleIs("intake", "$.steps[0].role", "missing required field 'role' on task step", "add \"role\"");
    }

    [Fact]
    public void Reports_missing_required_root_field()
    {
        var doc = Wf.Minimal();
        doc.Remove("title");
        doc.Load().SingleIs(null, "$.title", "missing required field 'title'");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1.5")]
    [InlineData("\"1\"")]
    public void Reports_version_that_is_not_an_integer_of_at_least_one(string version)
    {
        var doc = Wf.Minimal();
        doc["version"] = JsonNode.Parse(version);
        doc.Load().SingleIs(null, "$.version", "'version'", "≥ 1");
    }

    [Fact]
    public void Reports_outcomes_that_are_not_strings()
    {
        var doc = Wf.Minimal();
        doc.Intake()["outcomes"] = JsonNode.Parse("""["identified", 2, "withdrawn"]""");
        doc.Load().SingleIs("intake", "$.steps[0].outcomes[1]", "must list strings", "the number 2");
    }

    [Fact]
    public void Reports_outcomes_that_are_not_an_array()
    {
        var doc = Wf.Minimal();
        doc.Intake()["outcomes"] = "identified";
        doc.Load().SingleIs("intake", "$.steps[0].outcomes", "must be an array", "not the string \"identified\"");
    }

    [Theory]
    [InlineData("""{ "id": "ask", "type": "task", "role": "caseworker", "outcomes": [] }""")]
    [InlineData("""{ "id": "ask", "type": "partnerRequest", "partner": "receiving", "request": "accept-referral", "outcomes": [] }""")]
    public void Reports_empty_outcomes_list(string step)
    {
        var doc = Wf.Minimal().Attach(step);
        doc.Load().SingleIs("ask", "$.steps[3].outcomes", "'outcomes'", "is empty", "at least one");
    }

    [Fact]
    public void Reports_step_that_is_not_an_object() =>
        Wf.Minimal().AddSteps("\"oops\"").Load().SingleIs(null, "$.steps[3]", "must be a JSON object");

    [Fact]
    public void Reports_unknown_step_type_listing_the_known_ones()
    {
        var doc = Wf.Minimal();
        doc.Intake()["type"] = "taks";
        doc.Load().SingleIs("intake", "$.steps[0].type", "unknown step type 'taks'",
            "task, partnerRequest, notify, wait, decision, parallel, subworkflow, end", "did you mean 'task'?");
    }

    [Fact]
    public void Reports_duplicate_step_id()
    {
        var doc = Wf.Minimal().AddSteps("""{ "id": "closed", "type": "end", "outcome": "again" }""");
        doc.Load().SingleIs("closed", "$.steps[3].id", "duplicate step id 'closed'", "$.steps[1]", "its own id");
    }

    [Fact]
    public void Reports_duplicate_outcome_within_a_step()
    {
        var doc = Wf.Minimal();
        doc.Intake()["outcomes"] = JsonNode.Parse("""["identified", "withdrawn", "identified"]""");
        doc.Load().SingleIs("intake", "$.steps[0].outcomes[2]", "outcome 'identified' is listed twice", "once");
    }

    [Fact]
    public void Reports_step_id_that_breaks_the_id_rule()
    {
        var doc = Wf.Minimal();
        doc.Step("closed")["id"] = "Closed_Ok";
        doc.Route("intake", "identified", "Closed_Ok");
        doc.Load().SingleIs("Closed_Ok", "$.steps[1].id", "'Closed_Ok' is not a valid id", "lower-case", "'closed-ok'");
    }

    [Fact]
    public void Reports_outcome_that_breaks_the_id_rule()
    {
        var doc = Wf.Minimal();
        doc.Intake()["outcomes"] = JsonNode.Parse("""["identified", "Withdrawn"]""");
        doc.Route("intake", "withdrawn", "withdrawn-end").Transitions()[1]!["outcome"] = "Withdrawn";
        doc.Load().SingleIs("intake", "$.steps[0].outcomes[1]", "outcome 'Withdrawn' is not valid", "lower-case");
    }

    [Fact]
    public void Reports_procedure_id_that_breaks_the_id_rule()
    {
        var doc = Wf.Minimal();
        doc["id"] = "Sample Flow";
        doc.Load().SingleIs(null, "$.id", "'Sample Flow' is not a valid id", "'sample-flow'");
    }

    [Fact]
    public void Reports_step_named_join()
    {
        var doc = Wf.Minimal();
        doc.Step("closed")["id"] = "join";
        doc.Load().Problems.Single(p => p.JsonPath == "$.steps[1].id").Is("join", "$.steps[1].id", "reserved");
    }
}
