using System.Text.Json.Nodes;

namespace ReferralFlow.Engine.Tests.Definitions;

// Rules 10, 11 and 14: decision conditions and references to variables.
public class ConditionAndVariableProblemTests
{
    private static JsonObject WithDecision(string branches, string otherwise = "adult")
    {
        var outcomes = JsonNode.Parse(branches)!.AsArray().Select(b => (string)b!["outcome"]!).Append(otherwise).Distinct();
        var doc = Wf.Minimal().Insert($$"""{ "id": "route", "type": "decision", "branches": {{branches}}, "otherwise": "{{otherwise}}" }""");
        foreach (var outcome in outcomes) doc.AddTransition("route", outcome, "closed");
        return doc;
    }

    [Fact]
    public void Reports_condition_that_does_not_parse_with_its_position()
    {
        var result = WithDecision("""[{ "when": "risk.level == ", "outcome": "child" }]""").Load();
        var problem = result.Single().Is("route", "$.steps[3].branches[0].when", "condition \"risk.level == \"", "at position");
        Assert.Matches(@"at position \d+: ", problem.Message);
    }

    [Fact]
    public void Reports_condition_comparing_incompatible_types()
    {
        var problems = WithDecision("""[{ "when": "reports == 'many'", "outcome": "child" }]""").Load().Problems;
        Assert.NotEmpty(problems);
        Assert.All(problems, p => p.Is("route", "$.steps[3].branches[0].when", "condition \"reports == 'many'\"", "at position"));
    }

    [Fact]
    public void Reports_condition_with_unknown_variable()
    {
        var problems = WithDecision("""[{ "when": "person.isKid", "outcome": "child" }]""").Load().Problems;
        var problem = Assert.Single(problems);
        problem.Is("route", "$.steps[3].branches[0].when", "person.isKid", "at position 0");
    }

    [Fact]
    public void Reports_two_branches_with_the_same_outcome() =>
        WithDecision("""[{ "when": "person.isChild", "outcome": "child" }, { "when": "reports > 2", "outcome": "child" }]""").Load()
            .SingleIs("route", "$.steps[3].branches[1].outcome", "outcome 'child' is already used at $.steps[3].branches[0].outcome", "'or'");

    [Fact]
    public void Reports_otherwise_equal_to_a_branch_outcome() =>
        WithDecision("""[{ "when": "person.isChild", "outcome": "adult" }]""").Load()
            .SingleIs("route", "$.steps[3].otherwise", "outcome 'adult' is already used");

    [Fact]
    public void Reports_unknown_variable_in_sets()
    {
        var doc = Wf.Minimal();
        doc.Intake()["sets"] = JsonNode.Parse("""["risk.level", "risk.levl"]""");
        doc.Load().SingleIs("intake", "$.steps[0].sets[1]", "unknown variable 'risk.levl' in 'sets'", "declare it", "did you mean 'risk.level'?");
    }

    [Fact]
    public void Reports_unknown_count_variable()
    {
        var doc = Wf.Minimal();
        doc.Intake()["count"] = "visits";
        doc.Load().SingleIs("intake", "$.steps[0].count", "unknown variable 'visits' in 'count'", "\"type\": \"number\"");
    }

    [Fact]
    public void Reports_count_variable_that_is_not_a_number()
    {
        var doc = Wf.Minimal();
        doc.Intake()["count"] = "risk.level";
        doc.Load().SingleIs("intake", "$.steps[0].count", "'count' needs a number variable", "'risk.level' is a string");
    }

    [Fact]
    public void Reports_wait_until_variable_that_is_not_a_date() =>
        Wf.Minimal().Insert("""{ "id": "pause", "type": "wait", "until": "reports" }""", "done").Load()
            .SingleIs("pause", "$.steps[3].until", "'until' needs a date variable", "'reports' is a number");

    [Fact]
    public void Reports_due_from_variable_that_is_not_a_date()
    {
        var doc = Wf.Minimal();
        doc.Intake()["dueFrom"] = "person.isChild";
        doc.Load().SingleIs("intake", "$.steps[0].dueFrom", "'dueFrom' needs a date variable", "boolean");
    }

    [Fact]
    public void Reports_subworkflow_input_naming_an_unknown_parent_variable() =>
        Wf.Minimal().Insert("""
            { "id": "child", "type": "subworkflow", "workflow": "monitoring", "wait": false, "input": { "months": "monitoring.months" } }
            """, "started").Load()
            .SingleIs("child", "$.steps[3].input.months", "unknown variable 'monitoring.months' in input 'months'");

    [Theory]
    [InlineData("risk.level", "3", "string", "$.variables['risk.level'].default")]
    [InlineData("reports", "\"3\"", "number", "$.variables.reports.default")]
    [InlineData("person.isChild", "\"yes\"", "boolean", "$.variables['person.isChild'].default")]
    [InlineData("arrival.at", "\"01/12/2026\"", "date", "$.variables['arrival.at'].default")]
    public void Reports_default_of_the_wrong_type(string variable, string value, string type, string path)
    {
        var doc = Wf.Minimal();
        doc["variables"]![variable]!["default"] = JsonNode.Parse(value);
        doc.Load().SingleIs(null, path, $"does not fit {type} variable '{variable}'");
    }

    [Fact]
    public void Reports_values_on_a_variable_that_is_not_a_string()
    {
        var doc = Wf.Minimal();
        doc["variables"]!["reports"]!["values"] = JsonNode.Parse("""["1", "2"]""");
        doc.Load().SingleIs(null, "$.variables.reports.values", "'values' only restricts string variables", "'reports' is a number");
    }

    [Fact]
    public void Reports_default_that_is_not_among_the_values()
    {
        var doc = Wf.Minimal();
        doc["variables"]!["risk.level"]!["default"] = "medium";
        doc.Load().SingleIs(null, "$.variables['risk.level'].default", "default 'medium' is not one of the values", "low, high");
    }

    [Fact]
    public void Reports_unknown_variable_type()
    {
        var doc = Wf.Minimal();
        doc["variables"]!["reports"]!["type"] = "integer";
        doc["variables"]!["reports"]!.AsObject().Remove("default");
        doc.Load().SingleIs(null, "$.variables.reports.type", "unknown variable type 'integer'", "string, number, boolean or date");
    }

    [Fact]
    public void Reports_invalid_variable_name()
    {
        var doc = Wf.Minimal();
        doc["variables"]!["risk level"] = JsonNode.Parse("""{ "type": "string" }""");
        doc.Load().SingleIs(null, "$.variables['risk level']", "variable name 'risk level' is not valid");
    }
}
