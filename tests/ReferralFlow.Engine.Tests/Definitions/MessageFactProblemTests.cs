using System.Text.Json.Nodes;
using ReferralFlow.Engine.Definitions;

namespace ReferralFlow.Engine.Tests.Definitions;

/// <summary>Message facts (issue 9 §3): what a request or notice may carry to a partner, checked at load so that no
/// person's data can reach a message through them.</summary>
public class MessageFactProblemTests
{
    private const string Notice = """{ "id": "tell-police", "type": "notify", "to": "border-police", "notice": "departure-notice" }""";

    private static JsonObject WithFacts(params string[] facts)
    {
        var doc = Wf.Minimal().Insert(Notice, "done");
        var variables = doc["variables"]!.AsObject();
        variables["travel.departureAt"] = JsonNode.Parse("""{ "type": "date", "personal": false }""");
        variables["travel.departurePlace"] = JsonNode.Parse("""{ "type": "string", "format": "place", "personal": false }""");
        variables["travel.flightNumber"] = JsonNode.Parse("""{ "type": "string", "format": "flight-number", "personal": false }""");
        variables["travel.escorted"] = JsonNode.Parse("""{ "type": "boolean", "personal": false }""");
        variables["travel.mode"] = JsonNode.Parse("""{ "type": "string", "values": ["air", "road"], "personal": false }""");
        variables["travel.code"] = JsonNode.Parse("""{ "type": "string", "personal": false }""");
        doc.Step("tell-police")["facts"] = new JsonArray([.. facts.Select(f => JsonNode.Parse(f))]);
        return doc;
    }

    [Fact]
    public void A_notice_and_a_request_carry_typed_facts_from_non_personal_variables_and_case_records()
    {
        var doc = WithFacts(
            """{ "name": "departure-at", "type": "date-time", "variable": "travel.departureAt" }""",
            """{ "name": "departure-place", "type": "place", "variable": "travel.departurePlace" }""",
            """{ "name": "flight-number", "type": "flight-number", "variable": "travel.flightNumber" }""",
            """{ "name": "escorted", "type": "yes-no", "variable": "travel.escorted" }""",
            """{ "name": "travel-mode", "type": "text", "variable": "travel.mode" }""",
            """{ "name": "documents", "type": "document-list", "record": "documents.required" }""");

        var step = Assert.IsType<NotifyStep>(doc.Load().Definition!.Step("tell-police"));

        Assert.Equal(["departure-at", "departure-place", "flight-number", "escorted", "travel-mode", "documents"], step.Facts.Select(f => f.Name));
        Assert.Equal(new MessageFactDefinition("documents", "document-list", null, "documents.required"), step.Facts[^1]);
        Assert.Equal((VariableFormats.Place, false), (doc.Load().Definition!.Variables["travel.departurePlace"].Format,
            doc.Load().Definition!.Variables["travel.departurePlace"].Personal));
    }

    [Theory]
    [InlineData("person.fullName")]
    [InlineData("person.birthDate")]
    [InlineData("person.documentNumber")]
    [InlineData("forms.risk-assessment.notes")]
    public void A_fact_that_reads_the_persons_record_is_refused(string record)
    {
        WithFacts($$"""{ "name": "traveller", "type": "text", "record": "{{record}}" }""").Load()
            .SingleIs("tell-police", "$.steps[3].facts[0].record", "fact 'traveller'", "person's record", record, "remove the fact");
    }

    [Theory]
    [InlineData("arrival.handedOverTo")]
    [InlineData("escort.contact")]
    [InlineData("documents.requirements")]
    public void A_fact_that_reads_free_text_is_refused(string record)
    {
        WithFacts($$"""{ "name": "handed-to", "type": "text", "record": "{{record}}" }""").Load()
            .SingleIs("tell-police", "$.steps[3].facts[0].record", "fact 'handed-to'", record, "free text that could hold a name");
    }

    [Fact]
    public void A_fact_that_reads_a_string_variable_without_values_is_refused_as_free_text()
    {
        WithFacts("""{ "name": "code", "type": "text", "variable": "travel.code" }""").Load()
            .SingleIs("tell-police", "$.steps[3].facts[0].variable", "fact 'code'", "closed list of \"values\"",
                "'travel.code' is a string without \"values\" (free text could be typed into it)");
    }

    [Fact]
    public void A_fact_that_reads_a_variable_not_declared_non_personal_is_refused_with_what_to_add()
    {
        var doc = WithFacts("""{ "name": "arrival", "type": "date-time", "variable": "arrival.at" }""");

        doc.Load().SingleIs("tell-police", "$.steps[3].facts[0].variable", "fact 'arrival'", "'arrival.at'",
            "not declared non-personal", "add \"personal\": false to 'arrival.at'");
        doc["variables"]!["arrival.at"]!["personal"] = false;
        doc.Load().Valid();
    }

    [Theory]
    [InlineData("""{ "name": "when", "type": "date-time", "variable": "travel.flightNumber" }""", "variable", "needs a date variable")]
    [InlineData("""{ "name": "where", "type": "place", "variable": "travel.mode" }""", "variable", "needs a string variable with \"format\": \"place\"")]
    [InlineData("""{ "name": "docs", "type": "place", "record": "documents.required" }""", "type", "write \"type\": \"document-list\"")]
    [InlineData("""{ "name": "when", "type": "date-time", "variable": "travel.departurAt" }""", "variable", "did you mean 'travel.departureAt'")]
    [InlineData("""{ "name": "docs", "type": "document-list", "record": "documents.requird" }""", "record", "did you mean 'documents.required'")]
    [InlineData("""{ "name": "when", "type": "datetime", "variable": "travel.departureAt" }""", "type", "did you mean 'date-time'")]
    public void A_fact_whose_type_or_source_does_not_fit_says_what_to_write(string fact, string field, string fragment)
    {
        WithFacts(fact).Load().SingleIs("tell-police", $"$.steps[3].facts[0].{field}", fragment);
    }

    [Fact]
    public void A_fact_needs_exactly_one_source_and_a_name_used_once()
    {
        WithFacts("""{ "name": "when", "type": "date-time" }""").Load()
            .SingleIs("tell-police", "$.steps[3].facts[0]", "fact 'when' needs where its value comes from");
        WithFacts("""{ "name": "when", "type": "date-time", "variable": "travel.departureAt", "record": "escort.departureAt" }""").Load()
            .SingleIs("tell-police", "$.steps[3].facts[0]", "both 'variable' and 'record'");
        WithFacts("""{ "name": "when", "type": "date-time", "variable": "travel.departureAt" }""",
                """{ "name": "when", "type": "date-time", "record": "escort.departureAt" }""").Load()
            .SingleIs("tell-police", "$.steps[3].facts[1].name", "fact 'when' is listed twice");
    }

    [Fact]
    public void A_variable_format_is_for_strings_without_values()
    {
        var doc = Wf.Minimal();
        doc["variables"]!["risk.level"]!["format"] = "place";
        doc.Load().SingleIs(null, "$.variables['risk.level'].format", "both 'values' and 'format'");
        doc = Wf.Minimal();
        doc["variables"]!["arrival.at"]!["format"] = "plac";
        doc.Load().SingleIs(null, "$.variables['arrival.at'].format", "unknown format 'plac'", "did you mean 'place'");
    }
}
