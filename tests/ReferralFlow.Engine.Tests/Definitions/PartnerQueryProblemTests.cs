using System.Text.Json.Nodes;
using ReferralFlow.Engine.Definitions;

namespace ReferralFlow.Engine.Tests.Definitions;

// The "find" of a partnerRequest: a directory query (kind, service, country) checked when the file loads.
public class PartnerQueryProblemTests
{
    /// <summary>The minimal procedure with a partnerRequest "ask" between intake and closed, carrying <paramref name="find"/>,
    /// and a string variable "return.country" to name.</summary>
    private static JsonObject WithFind(string find)
    {
        var doc = Wf.Minimal();
        doc["variables"]!.AsObject()["return.country"] = JsonNode.Parse("""{ "type": "string", "input": true }""");
        return doc.Insert($$"""
            { "id": "ask", "type": "partnerRequest", "partner": "receiving", "request": "accept-referral",
              "find": {{find}}, "outcomes": ["accepted"] }
            """, "accepted");
    }

    private const string Path = "$.steps[3].find";

    [Fact]
    public void Accepts_a_literal_country_and_keeps_the_query_on_the_step()
    {
        var result = WithFind("""{ "kind": "ngo", "service": "shelter", "country": "RO" }""").Load();
        result.Valid();
        var step = Assert.IsType<PartnerRequestStep>(result.Definition!.Step("ask"));
        Assert.Equal(new PartnerQuery("ngo", "shelter", "RO", null), step.Find);
    }

    [Fact]
    public void Accepts_a_declared_string_variable_as_the_country()
    {
        var result = WithFind("""{ "kind": "shelter", "service": "shelter", "country": "return.country" }""").Load();
        result.Valid();
        Assert.Equal(new PartnerQuery("shelter", "shelter", null, "return.country"),
            ((PartnerRequestStep)result.Definition!.Step("ask")).Find);
    }

    [Fact]
    public void Reports_an_unknown_kind_with_the_likely_one() =>
        WithFind("""{ "kind": "shleter", "service": "shelter", "country": "RO" }""").Load()
            .SingleIs("ask", Path + ".kind", "unknown organisation kind 'shleter'", "did you mean 'shelter'?");

    [Fact]
    public void Reports_an_unknown_kind_far_from_any_with_the_list() =>
        WithFind("""{ "kind": "hospital", "service": "shelter", "country": "RO" }""").Load()
            .SingleIs("ask", Path + ".kind", "unknown organisation kind 'hospital'", "ngo, consulate", "child-protection");

    [Fact]
    public void Reports_an_unknown_service() =>
        WithFind("""{ "kind": "ngo", "service": "sheltre", "country": "RO" }""").Load()
            .SingleIs("ask", Path + ".service", "unknown service 'sheltre'", "did you mean 'shelter'?");

    [Fact]
    public void Reports_an_unknown_key_in_the_query() =>
        WithFind("""{ "kind": "ngo", "service": "shelter", "country": "RO", "contry": "BG" }""").Load()
            .SingleIs("ask", Path + ".contry", "unknown field 'contry'", "did you mean 'country'?");

    [Fact]
    public void Reports_a_missing_key_in_the_query() =>
        WithFind("""{ "service": "shelter", "country": "RO" }""").Load()
            .SingleIs("ask", Path + ".kind", "missing required field 'kind'");

    [Fact]
    public void Reports_a_country_that_is_neither_a_code_nor_a_declared_variable() =>
        WithFind("""{ "kind": "ngo", "service": "shelter", "country": "return.contry" }""").Load()
            .SingleIs("ask", Path + ".country", "country 'return.contry' in 'find' is neither a 2-letter country code",
                "nor a declared string variable", "did you mean 'return.country'?");

    [Fact]
    public void Reports_a_lower_case_code_with_the_code_in_capitals() =>
        WithFind("""{ "kind": "ngo", "service": "shelter", "country": "ro" }""").Load()
            .SingleIs("ask", Path + ".country", "neither a 2-letter country code", "'RO'");

    [Fact]
    public void Reports_a_country_variable_that_is_not_a_string() =>
        WithFind("""{ "kind": "ngo", "service": "shelter", "country": "reports" }""").Load()
            .SingleIs("ask", Path + ".country", "'find.country' needs a string variable, but 'reports' is a number");

    [Fact]
    public void Reports_a_query_that_is_not_an_object() =>
        WithFind("\"RO shelter\"").Load()
            .SingleIs("ask", Path, "'find' on partnerRequest step must be an object", "\"kind\": \"shelter\"");

    [Fact]
    public void Accepts_a_literal_region_and_a_city_variable()
    {
        var doc = WithFind("""{ "kind": "ngo", "service": "shelter", "country": "RO", "region": "Nord-Vest", "city": "return.city" }""");
        doc["variables"]!.AsObject()["return.city"] = JsonNode.Parse("""{ "type": "string", "format": "place" }""");
        var result = doc.Load();
        result.Valid();
        Assert.Equal(new PartnerQuery("ngo", "shelter", "RO", null) { Region = "Nord-Vest", CityVariable = "return.city" },
            ((PartnerRequestStep)result.Definition!.Step("ask")).Find);
    }

    [Fact]
    public void Accepts_a_city_with_accents_spaces_and_apostrophes() =>
        Assert.Equal("Bistrița-Năsăud d'Or", ((PartnerRequestStep)WithFind(
            """{ "kind": "ngo", "service": "shelter", "country": "RO", "city": "Bistrița-Năsăud d'Or" }""").Load().Definition!.Step("ask")).Find!.City);

    [Fact]
    public void Reports_a_city_shaped_like_an_undeclared_variable() =>
        WithFind("""{ "kind": "ngo", "service": "shelter", "country": "RO", "city": "return.citty" }""").Load()
            .SingleIs("ask", Path + ".city", "city 'return.citty' in 'find' reads like a variable name, but no variable 'return.citty' is declared");

    [Fact]
    public void Reports_a_region_that_is_no_place_name() =>
        WithFind("""{ "kind": "ngo", "service": "shelter", "country": "RO", "region": "12 Main Street <b>" }""").Load()
            .SingleIs("ask", Path + ".region", "region in 'find' is neither a place name", "nor a declared string variable");

    [Fact]
    public void Reports_a_city_variable_that_is_not_a_string() =>
        WithFind("""{ "kind": "ngo", "service": "shelter", "country": "RO", "city": "reports" }""").Load()
            .SingleIs("ask", Path + ".city", "'find.city' needs a string variable, but 'reports' is a number");
}
