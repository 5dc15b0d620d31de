using System.Text.Json.Nodes;
using ReferralFlow.Engine.Definitions;

namespace ReferralFlow.Engine.Execution;

/// <summary>A directory query as the step opened it: <see cref="Country"/> is the literal code or the value of
/// <see cref="CountryVariable"/> at that moment, null when that variable has no value yet; region and city likewise.</summary>
public sealed record PartnerSearch(string Kind, string Service, string? Country, string? CountryVariable)
{
    public string? Region { get; init; }
    public string? RegionVariable { get; init; }
    public string? City { get; init; }
    public string? CityVariable { get; init; }

    /// <summary>Every part of the place the query names has a value: a variable it reads that is not set yet leaves
    /// the place unknown, and nobody is searched for rather than somebody elsewhere.</summary>
    public bool PlaceKnown => Country is not null
        && (RegionVariable is null || Region is not null) && (CityVariable is null || City is not null);

    /// <summary>The query with its variables read from <paramref name="variables"/> now: when the step opens, or again
    /// when a request that found nobody is retried.</summary>
    public static PartnerSearch For(PartnerQuery query, IReadOnlyDictionary<string, JsonNode?> variables) =>
        new(query.Kind, query.Service, Read(variables, query.CountryVariable) ?? query.Country, query.CountryVariable)
        {
            Region = Read(variables, query.RegionVariable) ?? query.Region, RegionVariable = query.RegionVariable,
            City = Read(variables, query.CityVariable) ?? query.City, CityVariable = query.CityVariable,
        };

    /// <summary>"an active shelter in RO offering 'shelter'", "an active ngo in the city Cluj-Napoca, RO offering
    /// 'shelter'", for history entries and incident messages.</summary>
    public string Describe() => $"an active {Kind} in {Place()} offering '{Service}'";

    private string Place()
    {
        var parts = new List<string>();
        if (City is not null || CityVariable is not null) parts.Add($"the city {City ?? NotSet(CityVariable!)}");
        if (Region is not null || RegionVariable is not null) parts.Add($"the region {Region ?? NotSet(RegionVariable!)}");
        parts.Add(Country ?? $"the country of {NotSet(CountryVariable!)}");
        return string.Join(", ", parts);
    }

    private static string NotSet(string variable) => $"'{variable}' (not set yet)";

    private static string? Read(IReadOnlyDictionary<string, JsonNode?> variables, string? name) =>
        name is not null && variables.GetValueOrDefault(name) is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
