using System.Text.Json.Nodes;
using ReferralFlow.Core.Forms;
using ReferralFlow.Engine.Forms;

namespace ReferralFlow.Tests.Forms;

/// <summary>Each rule a submission is checked by, one field type at a time.</summary>
public class FormValidationTests
{
    private static readonly FormDefinition Form = FormLoader.Load("""
        {
          "id": "check", "title": "Check",
          "fields": [
            { "name": "notes", "label": "Notes", "type": "multiline" },
            { "name": "name", "label": "Interpreter", "type": "text", "required": true },
            { "name": "weeks", "label": "Weeks", "type": "number", "min": 0, "max": 45 },
            { "name": "consented", "label": "Consented", "type": "boolean" },
            { "name": "reviewOn", "label": "Review on", "type": "date" },
            { "name": "channel", "label": "Channel", "type": "choice", "options": ["written", "verbal"] },
            { "name": "services", "label": "Services", "type": "multichoice", "options": ["medical", "legal", "housing"] },
            { "name": "level", "label": "Level", "type": "level" }
          ]
        }
        """, "forms/check.json").Form!;

    public static readonly TheoryData<string, string, string> Problems = new()
    {
        { """{ }""", "name", "'Interpreter' is required: enter text" },
        { """{ "name": "   " }""", "name", "'Interpreter' is required" },
        { """{ "name": 7 }""", "name", "'Interpreter' must be text" },
        { """{ "name": "A", "weeks": "12" }""", "weeks", "'Weeks' must be a number" },
        { """{ "name": "A", "weeks": -1 }""", "weeks", "'Weeks' must be at least 0" },
        { """{ "name": "A", "weeks": 46 }""", "weeks", "'Weeks' must be at most 45" },
        { """{ "name": "A", "consented": "yes" }""", "consented", "'Consented' must be true or false" },
        { """{ "name": "A", "reviewOn": "31.01.2027" }""", "reviewOn", "'Review on' must be a date like 2027-01-31" },
        { """{ "name": "A", "channel": "writen" }""", "channel", "'Channel' must be one of written, verbal; did you mean 'written'?" },
        { """{ "name": "A", "services": "medical" }""", "services", "'Services' must be a list of one of medical, legal, housing" },
        { """{ "name": "A", "services": ["medical", "lega"] }""", "services", "'Services' offers no such choice: choose among medical, legal, housing; did you mean 'legal'?" },
        { """{ "name": "A", "services": ["legal", "legal"] }""", "services", "'Services' lists a choice twice" },
        { """{ "name": "A", "level": "extreme" }""", "level", "'Level' must be one of low, medium, high" },
        { """{ "name": "A", "note": "x" }""", "note", "the 'check' form has no field 'note'; did you mean 'notes'?" },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public void Refuses_a_value_that_breaks_a_rule(string submission, string field, string message)
    {
        var check = FormValidation.Check(Form, JsonNode.Parse(submission)!.AsObject());

        var problem = Assert.Single(check.Problems);
        Assert.Equal(field, problem.Field);
        Assert.StartsWith(message, problem.Message);
        Assert.Empty(check.Values);
    }

    [Fact]
    public void Lists_every_problem_at_once()
    {
        var check = FormValidation.Check(Form, JsonNode.Parse("""{ "weeks": 99, "channel": "fax", "extra": 1 }""")!.AsObject());

        Assert.Equal(["name", "weeks", "channel", "extra"], check.Problems.Select(p => p.Field));
        Assert.Contains("has 4 problem(s), nothing was saved", check.Describe(Form));
    }

    [Fact]
    public void Accepts_valid_values_and_leaves_empty_optional_ones_out()
    {
        var check = FormValidation.Check(Form, JsonNode.Parse("""
            { "name": "A", "notes": "", "weeks": 12.5, "consented": false, "reviewOn": "2027-01-31", "channel": "verbal",
              "services": ["legal", "housing"], "level": "high" }
            """)!.AsObject());

        Assert.True(check.IsValid, string.Join("; ", check.Problems));
        Assert.False(check.Values.ContainsKey("notes"));
        Assert.Equal(12.5m, check.Values["weeks"]!.GetValue<decimal>());
        Assert.Equal(7, check.Values.Count);
    }
}
