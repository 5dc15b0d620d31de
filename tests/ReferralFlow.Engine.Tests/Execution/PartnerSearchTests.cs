using System.Text.Json.Nodes;
using ReferralFlow.Engine.Execution;
using static ReferralFlow.Engine.Tests.Execution.Workflows;

namespace ReferralFlow.Engine.Tests.Execution;

/// <summary>The engine reads a "find" country variable when the request opens and hands the query to the host.</summary>
public sealed class PartnerSearchTests
{
    private const string Procedure = """
        { "id": "placement", "version": 1, "title": "Placement", "start": "ask",
          "variables": { "return.country": { "type": "string", "input": true } },
          "steps": [
            { "id": "ask", "type": "partnerRequest", "partner": "receiving", "request": "alternative-placement",
              "find": { "kind": "ngo", "service": "shelter", "country": "return.country" }, "outcomes": ["offered"] },
            { "id": "placed", "type": "end", "outcome": "placed" } ],
          "transitions": [ { "from": "ask", "outcome": "offered", "to": "placed" } ] }
        """;

    private const string Find = "\"find\": { \"kind\": \"ngo\", \"service\": \"shelter\", \"country\": \"return.country\" }, ";

    private static HandOffRequested Requested(IReadOnlyDictionary<string, JsonNode?> input) =>
        Assert.Single(new WorkflowRunner(new ReferralFlow.Engine.Simulation.VirtualClock(Monday)).Start(Load(Procedure), input, "caseworker")
            .Effects.OfType<HandOffRequested>());

    [Fact]
    public void The_country_variable_is_resolved_when_the_request_opens() =>
        Assert.Equal(new PartnerSearch("ngo", "shelter", "RO", "return.country"),
            Requested(Data(("return.country", JsonValue.Create("RO")))).Search);

    [Fact]
    public void An_unset_country_variable_travels_as_no_country_and_the_description_names_the_variable()
    {
        var search = Requested(Data()).Search!;
        Assert.Null(search.Country);
        Assert.Contains("'return.country' (not set yet)", search.Describe());
    }

    [Fact]
    public void A_request_without_find_carries_no_query()
    {
        var result = new WorkflowRunner(new ReferralFlow.Engine.Simulation.VirtualClock(Monday))
            .Start(Load(Procedure.Replace(Find, "")), Data(), "caseworker");
        Assert.DoesNotContain("find", Procedure.Replace(Find, ""));
        Assert.Null(Assert.Single(result.Effects.OfType<HandOffRequested>()).Search);
    }

    [Fact]
    public void Region_and_city_variables_are_read_with_the_country_and_an_unset_one_leaves_the_place_unknown()
    {
        var query = new ReferralFlow.Engine.Definitions.PartnerQuery("ngo", "shelter", "RO", null) { Region = "Nord-Vest", CityVariable = "return.city" };

        var known = PartnerSearch.For(query, Data(("return.city", JsonValue.Create("Cluj-Napoca"))));
        var unknown = PartnerSearch.For(query, Data());

        Assert.Equal(("Nord-Vest", "Cluj-Napoca", true), (known.Region, known.City, known.PlaceKnown));
        Assert.Equal("an active ngo in the city Cluj-Napoca, the region Nord-Vest, RO offering 'shelter'", known.Describe());
        Assert.False(unknown.PlaceKnown);
        Assert.Contains("the city 'return.city' (not set yet), the region Nord-Vest, RO", unknown.Describe());
    }
}
