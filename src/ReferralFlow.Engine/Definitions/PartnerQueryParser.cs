using System.Text.Json;
using System.Text.RegularExpressions;
using ReferralFlow.Engine.Conditions;

namespace ReferralFlow.Engine.Definitions;

/// <summary>The <c>find</c> object of a partnerRequest: <c>{ "kind": ..., "service": ..., "country": ..., "region": ...,
/// "city": ... }</c>; region and city are optional.</summary>
internal static partial class PartnerQueryParser
{
    private static readonly string[] Fields = ["kind", "service", "country", "region", "city"];

    public static PartnerQuery? Parse(StepInput s)
    {
        if (s.Reader.Value("find", false, JsonValueKind.Object,
                "a directory query such as { \"kind\": \"shelter\", \"service\": \"shelter\", \"country\": \"RO\" }") is not { } element)
            return null;
        var reader = new ObjectReader(s.Problems, element, s.Reader.PathOf("find"), s.Id, "the directory query 'find'");
        reader.CheckFields(Fields);
        var kind = Term(reader, "kind", PartnerQuery.Kinds, "organisation kind");
        var service = Term(reader, "service", PartnerQuery.Services, "service");
        var country = reader.String("country", true, "a 2-letter country code such as \"RO\" or the name of a string variable");
        string? code = null, variable = null;
        if (country is not null)
        {
            if (s.Variables.IsDeclared(country))
            {
                s.Variables.Check(s.Problems, s.Id, reader.PathOf("country"), country, "'find.country'", VariableType.String);
                variable = country;
            }
            else if (CountryCode().IsMatch(country)) code = country;
            else
                reader.Report("country", $"country '{country}' in 'find' is neither a 2-letter country code " +
                    $"(ISO 3166, in capitals: {(country.Length == 2 ? $"'{country.ToUpperInvariant()}'" : "e.g. 'RO'")}) " +
                    "nor a declared string variable: write the code, or declare the variable under \"variables\" with \"type\": \"string\"" +
                    Names.DidYouMean(country, s.Variables.Valid.Where(v => v.Value.Type == VariableType.String).Select(v => v.Key)));
        }
        var (region, regionVariable, regionOk) = Place(s, reader, "region", "Nord-Vest");
        var (city, cityVariable, cityOk) = Place(s, reader, "city", "Cluj-Napoca");
        return kind is null || service is null || (code is null && variable is null) || !regionOk || !cityOk
            ? null
            : new PartnerQuery(kind, service, code, variable)
            {
                Region = region, RegionVariable = regionVariable, City = city, CityVariable = cityVariable,
            };
    }

    /// <summary>An optional region or city: a declared string variable, else the place itself as the directory writes
    /// it (letters, spaces, '-', ''' and '.'; any letter case matches).</summary>
    private static (string? Literal, string? Variable, bool Ok) Place(StepInput s, ObjectReader reader, string field, string example)
    {
        if (!reader.Has(field)) return (null, null, true);
        var value = reader.String(field, false, $"a {field} such as \"{example}\" or the name of a string variable");
        if (value is null) return (null, null, false);
        if (s.Variables.IsDeclared(value))
        {
            s.Variables.Check(s.Problems, s.Id, reader.PathOf(field), value, $"'find.{field}'", VariableType.String);
            return (null, value, true);
        }
        if (VariableLike().IsMatch(value))
        {
            reader.Report(field, $"{field} '{value}' in 'find' reads like a variable name, but no variable '{value}' is declared: " +
                "declare it under \"variables\" with \"type\": \"string\", or write the place as the directory lists it" +
                Names.DidYouMean(value, s.Variables.Valid.Where(v => v.Value.Type == VariableType.String).Select(v => v.Key)));
            return (null, null, false);
        }
        if (PlaceName().IsMatch(value)) return (value.Trim(), null, true);
        reader.Report(field, $"{field} in 'find' is neither a place name (letters, spaces, '-', ''' and '.', at most 100 " +
            $"characters, e.g. \"{example}\") nor a declared string variable: write the {field} as the directory lists it, or " +
            "declare the variable under \"variables\" with \"type\": \"string\"" +
            Names.DidYouMean(value, s.Variables.Valid.Where(v => v.Value.Type == VariableType.String).Select(v => v.Key)));
        return (null, null, false);
    }

    private static string? Term(ObjectReader reader, string field, IReadOnlyList<string> known, string what)
    {
        var value = reader.String(field, true, $"one of {Names.List(known)}");
        if (value is null || known.Contains(value)) return value;
        reader.Report(field, $"unknown {what} '{value}' in 'find'" + (Names.Closest(value, known) is { } close
            ? $"; did you mean '{close}'?"
            : $": use one of {Names.List(known)}"));
        return null;
    }

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCode();

    [GeneratedRegex(@"^\s*\p{L}[\p{L}\p{M} .'’-]{0,99}$")]
    private static partial Regex PlaceName();

    // "return.city": a variable's shape (lower case, dotted, no space), which no place name has.
    [GeneratedRegex(@"^[a-z0-9_-]+(\.[a-z0-9_-]+)+$")]
    private static partial Regex VariableLike();
}
