using System.Text.Json;
using ReferralFlow.Engine.Conditions;

namespace ReferralFlow.Engine.Definitions;

/// <summary>
/// Reads a partnerRequest's or notify's <c>facts</c> and refuses, with the step, the fact and what to change, any fact a
/// person's data could reach a partner through: one reading the person's record, free text, or a variable not declared
/// <c>"personal": false</c>.
/// </summary>
internal static class FactParser
{
    private static readonly string[] Fields = ["name", "type", "variable", "record"];

    public static IReadOnlyList<MessageFactDefinition> Parse(StepInput s)
    {
        var result = new List<MessageFactDefinition>();
        if (s.Reader.Value("facts", false, JsonValueKind.Array,
                "a list such as [{ \"name\": \"departure-at\", \"type\": \"date-time\", \"variable\": \"travel.departureAt\" }]") is not { } list)
            return result;
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var path = Names.Index(s.Reader.PathOf("facts"), index++);
            if (ObjectReader.Open(s.Problems, item, path, s.Id, "a message fact") is not { } fact) continue;
            fact.CheckFields(Fields);
            var name = fact.Id("name", true, "the fact's name, e.g. \"departure-at\"; its label is the phrase fact.<name>");
            var type = fact.String("type", true, $"one of {Names.List(FactTypes.All)}");
            if (type is not null && !FactTypes.All.Contains(type))
            {
                fact.Report("type", $"unknown fact type '{type}': use one of {Names.List(FactTypes.All)}{Names.DidYouMean(type, FactTypes.All)}");
                type = null;
            }
            if (name is not null && result.Any(f => f.Name == name))
            {
                fact.Report("name", $"fact '{name}' is listed twice on step '{s.Id}': list each fact once");
                continue;
            }
            var label = name ?? $"#{index}";
            var variable = fact.String("variable", false, "the name of a non-personal workflow variable");
            var record = fact.String("record", false, $"a case record: {Names.List(FactRecords.Allowed.Keys)}");
            if ((variable is null) == (record is null))
            {
                if (!fact.Has("variable") && !fact.Has("record"))
                    s.Problems.Add(s.Id, path, $"fact '{label}' needs where its value comes from: add \"variable\" (a workflow variable) " +
                        $"or \"record\" ({Names.List(FactRecords.Allowed.Keys)})");
                else if (variable is not null)
                    s.Problems.Add(s.Id, path, $"fact '{label}' has both 'variable' and 'record': keep one of them");
                continue;
            }
            var fits = variable is not null ? CheckVariable(s, fact, label, type, variable) : CheckRecord(fact, label, type, record!);
            if (fits && name is not null && type is not null) result.Add(new MessageFactDefinition(name, type, variable, record));
        }
        return result;
    }

    private static bool CheckVariable(StepInput s, ObjectReader fact, string name, string? type, string variable)
    {
        var path = fact.PathOf("variable");
        if (!s.Variables.Valid.TryGetValue(variable, out var declared))
        {
            s.Variables.Check(s.Problems, s.Id, path, variable, $"fact '{name}'", null);
            return false;
        }
        if (declared.Personal)
        {
            fact.Report("variable", $"fact '{name}' reads variable '{variable}', which is not declared non-personal: a message shows it " +
                $"to a partner, so add \"personal\": false to '{variable}' under \"variables\" if it never holds the person's data, " +
                "or remove the fact");
            return false;
        }
        if (type is null) return false;
        var expected = type switch
        {
            FactTypes.DateTime => declared.Type == VariableType.Date ? null : "a date variable",
            FactTypes.YesNo => declared.Type == VariableType.Boolean ? null : "a boolean variable",
            FactTypes.Place => declared.Format == VariableFormats.Place ? null : "a string variable with \"format\": \"place\"",
            FactTypes.FlightNumber => declared.Format == VariableFormats.FlightNumber ? null : "a string variable with \"format\": \"flight-number\"",
            FactTypes.Text => declared.Values is not null ? null : "a string variable with a closed list of \"values\"",
            _ => $"the record {FactRecords.RequiredDocuments} (no variable holds a list)",
        };
        if (expected is null) return true;
        var has = declared.Format is { } f ? $"a string with \"format\": \"{f}\""
            : declared.Type == VariableType.String && declared.Values is null ? "a string without \"values\" (free text could be typed into it)"
            : $"a {declared.Type.ToString().ToLowerInvariant()}{(declared.Values is null ? "" : " with \"values\"")}";
        fact.Report("variable", $"fact '{name}' is a {type}, which needs {expected}, but '{variable}' is {has}: " +
            "change the fact's \"type\" or read another variable");
        return false;
    }

    private static bool CheckRecord(ObjectReader fact, string name, string? type, string record)
    {
        if (FactRecords.IsPersonal(record))
        {
            fact.Report("record", $"fact '{name}' reads the person's record ('{record}'): a message never carries the person's name, " +
                "birth date, document number or anything recorded about them; remove the fact");
            return false;
        }
        if (FactRecords.FreeText.Contains(record))
        {
            fact.Report("record", $"fact '{name}' reads '{record}', free text that could hold a name: remove the fact, or keep the value " +
                "in a non-personal variable with a \"format\" (place, flight-number) or closed \"values\" and read that variable");
            return false;
        }
        if (!FactRecords.Allowed.TryGetValue(record, out var gives))
        {
            fact.Report("record", $"unknown record '{record}' in fact '{name}': use one of {Names.List(FactRecords.Allowed.Keys)}" +
                Names.DidYouMean(record, FactRecords.Allowed.Keys));
            return false;
        }
        if (type is null) return false;
        if (type == gives) return true;
        fact.Report("type", $"fact '{name}' is a {type}, but the record '{record}' gives a {gives}: write \"type\": \"{gives}\"");
        return false;
    }
}
