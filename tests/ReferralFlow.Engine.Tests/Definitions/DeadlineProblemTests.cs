using System.Text.Json.Nodes;

namespace ReferralFlow.Engine.Tests.Definitions;

// Rule 9: durations, reminders and the escalation ladder.
public class DeadlineProblemTests
{
    private static JsonObject WithIntake(string field, string json)
    {
        var doc = Wf.Minimal();
        doc.Intake()[field] = JsonNode.Parse(json);
        return doc;
    }

    [Theory]
    [InlineData("due", "\"P10X\"", "$.steps[0].due", "P10X")]
    [InlineData("remind", "[\"-P2D\", \"1 day\"]", "$.steps[0].remind[1]", "1 day")]
    [InlineData("escalate", "[{ \"after\": \"P\", \"to\": \"backup\" }]", "$.steps[0].escalate[0].after", "'P'")]
    public void Reports_bad_duration_with_the_format_hint(string field, string json, string path, string text) =>
        WithIntake(field, json).Load().SingleIs("intake", path, text, "is not a duration", "ISO-8601", "P5BD");

    [Fact]
    public void Reports_bad_wait_duration()
    {
        var doc = Wf.Minimal().Insert("""{ "id": "pause", "type": "wait", "for": "one month" }""", "done");
        doc.Load().SingleIs("pause", "$.steps[3].for", "'one month' is not a duration");
    }

    [Fact]
    public void Reports_negative_due() =>
        WithIntake("due", "\"-P1D\"").Load().SingleIs("intake", "$.steps[0].due", "'due' must not be negative", "'P1D'");

    [Fact]
    public void Reports_negative_escalation_after() =>
        WithIntake("escalate", """[{ "after": "-P1D", "to": "backup" }]""").Load()
            .SingleIs("intake", "$.steps[0].escalate[0].after", "'after' must not be negative");

    [Fact]
    public void Accepts_negative_reminder_offsets() => WithIntake("remind", """["-P2D", "-PT12H", "P1D"]""").Load().Valid();

    [Theory]
    [InlineData("remind", "[\"-P2D\"]")]
    [InlineData("escalate", "[{ \"after\": \"P2D\", \"to\": \"backup\" }]")]
    [InlineData("dueFrom", "\"arrival.at\"")]
    public void Reports_deadline_settings_without_due(string field, string json)
    {
        var doc = WithIntake(field, json);
        doc.Intake().Remove("due");
        doc.Load().SingleIs("intake", $"$.steps[0].{field}", $"'{field}' needs a 'due'", "add \"due\"");
    }

    [Fact]
    public void Reports_escalation_to_something_that_is_neither_recipient_nor_outcome() =>
        WithIntake("escalate", """[{ "after": "P2D", "to": "cordinator" }]""").Load()
            .SingleIs("intake", "$.steps[0].escalate[0].to", "escalation target 'cordinator'", "backup, coordinator",
                "identified, withdrawn", "did you mean 'coordinator'?");

    [Fact]
    public void Accepts_escalation_to_an_outcome_of_the_step() =>
        WithIntake("escalate", """[{ "after": "P2D", "to": "coordinator" }, { "after": "P14D", "to": "withdrawn" }]""").Load().Valid();

    [Fact]
    public void Reports_outcome_named_like_a_recipient()
    {
        var doc = Wf.Minimal();
        doc.Intake()["outcomes"] = JsonNode.Parse("""["identified", "coordinator"]""");
        doc.Transitions()[1]!["outcome"] = "coordinator";
        doc.Load().SingleIs("intake", "$.steps[0].outcomes[1]", "outcome 'coordinator' is an escalation recipient name", "rename");
    }

    [Fact]
    public void Reports_escalation_rungs_out_of_order() =>
        WithIntake("escalate", """[{ "after": "P5D", "to": "backup" }, { "after": "P2D", "to": "coordinator" }]""").Load()
            .SingleIs("intake", "$.steps[0].escalate[1].after", "'P2D'", "'P5D'", "$.steps[0].escalate[0].after", "earliest first");

    [Fact]
    public void Compares_rungs_of_different_units_by_length() =>
        WithIntake("escalate", """[{ "after": "PT48H", "to": "backup" }, { "after": "P1D", "to": "coordinator" }]""").Load()
            .SingleIs("intake", "$.steps[0].escalate[1].after", "order the escalation ladder");

    [Fact]
    public void Accepts_equal_rungs_as_non_decreasing() =>
        WithIntake("escalate", """[{ "after": "P7D", "to": "backup" }, { "after": "P1W", "to": "coordinator" }]""").Load().Valid();
}
