using System.Text.Json;
using System.Text.RegularExpressions;
using ReferralFlow.Engine.Conditions;

namespace ReferralFlow.Engine.Definitions;

/// <summary>The <c>find</c> object of a partnerRequest: <c>{ "kind": ..., "service": ..., "country": ... }</c>.</summary>
internal static partial class PartnerQueryParser
{
    private static readonly string[] Fields = ["kind", "service", "country"];

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
        return kind is null || service is null || (code is null && variable is null)
            ? null
            : new PartnerQuery(kind, service, code, variable);
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
}
