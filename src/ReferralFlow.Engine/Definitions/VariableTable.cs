using System.Globalization;
using System.Text.Json;
using ReferralFlow.Engine.Conditions;

namespace ReferralFlow.Engine.Definitions;

/// <summary>Parses <c>$.variables</c> and answers "is this a variable of that type" for the step parsers.</summary>
internal sealed class VariableTable
{
    private static readonly string[] Fields = ["type", "input", "default", "values", "description", "format", "personal"];
    private static readonly Dictionary<string, VariableType> Types = new()
    {
        ["string"] = VariableType.String, ["number"] = VariableType.Number,
        ["boolean"] = VariableType.Boolean, ["date"] = VariableType.Date,
    };

    private readonly Dictionary<string, VariableDefinition> _valid = [];

    // Declared names whose own definition is broken: references to them are not reported again.
    private readonly HashSet<string> _declared = [];

    public IReadOnlyDictionary<string, VariableDefinition> Valid => _valid;
    /// <summary>Declared, whether or not its declaration is valid.</summary>
    public bool IsDeclared(string name) => _declared.Contains(name);

    public IReadOnlyDictionary<string, VariableType> TypesByName => _valid.ToDictionary(v => v.Key, v => v.Value.Type);

    public static VariableTable Parse(ObjectReader root)
    {
        var table = new VariableTable();
        if (root.Value("variables", false, JsonValueKind.Object, "an object of variables by name") is not { } variables)
            return table;
        foreach (var property in variables.EnumerateObject())
        {
            var path = Names.Field("$.variables", property.Name);
            var name = property.Name;
            if (!table._declared.Add(name))
            {
                root.Problems.Add(null, path, $"variable '{name}' is declared twice: keep one declaration");
                continue;
            }
            if (!Names.IsVariableName(name))
                root.Problems.Add(null, path, $"variable name '{name}' is not valid: use letters, digits, '-', '_' and dots, such as 'risk.level'");
            if (ObjectReader.Open(root.Problems, property.Value, path, null, $"variable '{name}'") is not { } reader) continue;
            if (Parse(reader, name) is { } definition) table._valid[name] = definition;
        }
        return table;
    }

    private static VariableDefinition? Parse(ObjectReader v, string name)
    {
        v.CheckFields(Fields);
        var typeName = v.String("type", true, "\"string\", \"number\", \"boolean\" or \"date\"");
        VariableType? type = null;
        if (typeName is not null)
        {
            if (Types.TryGetValue(typeName, out var t)) type = t;
            else v.Report("type", $"unknown variable type '{typeName}': use string, number, boolean or date{Names.DidYouMean(typeName, Types.Keys)}");
        }
        var input = v.Bool("input", "true when the variable may be given as the referral starts");
        var description = v.String("description", false, "a short explanation");
        var values = v.Strings("values", false, true, "the allowed strings, e.g. [\"low\", \"high\"]");
        if (values is not null && type is not null and not VariableType.String)
        {
            v.Report("values", $"'values' only restricts string variables, but '{name}' is a {typeName}: remove 'values' or make the type \"string\"");
            values = null;
        }
        foreach (var group in (values ?? []).GroupBy(x => x.Value).Where(g => g.Count() > 1))
            v.Problems.Add(null, group.Last().Path, $"value '{group.Key}' is listed twice in 'values' of '{name}': list each value once");
        var format = Format(v, name, typeName, type, values is not null);
        var personal = v.Bool("personal", "false when a message may show the variable to a partner (a message fact)");
        object? defaultValue = null;
        if (type is { } known && v.Get("default") is { } d)
            defaultValue = Default(v, name, known, d, values?.Select(x => x.Value).ToList());
        if (type is null) return null;
        return new VariableDefinition(type.Value, input ?? false, defaultValue,
            values?.Select(x => x.Value).Distinct().ToList(), description, format, personal ?? true);
    }

    private static string? Format(ObjectReader v, string name, string? typeName, VariableType? type, bool hasValues)
    {
        var format = v.String("format", false, $"what a string holds besides a code: {Names.List(VariableFormats.All)}");
        if (format is null) return null;
        if (!VariableFormats.All.Contains(format))
        {
            v.Report("format", $"unknown format '{format}' of '{name}': use {Names.List(VariableFormats.All)}{Names.DidYouMean(format, VariableFormats.All)}");
            return null;
        }
        if (type is not null and not VariableType.String)
            v.Report("format", $"'format' only applies to string variables, but '{name}' is a {typeName}: remove 'format' or make the type \"string\"");
        else if (hasValues)
            v.Report("format", $"'{name}' has both 'values' and 'format': keep 'values' for a closed list, or 'format' for a {format}");
        return format;
    }

    private static object? Default(ObjectReader v, string name, VariableType type, JsonElement d, List<string>? values)
    {
        object? result = (type, d.ValueKind) switch
        {
            (VariableType.String, JsonValueKind.String) => d.GetString(),
            (VariableType.Number, JsonValueKind.Number) => d.TryGetDecimal(out var n) ? n : null,
            (VariableType.Boolean, JsonValueKind.True or JsonValueKind.False) => d.GetBoolean(),
            (VariableType.Date, JsonValueKind.String) when IsDate(d.GetString()!) => d.GetString(),
            _ => null,
        };
        if (result is null)
        {
            var example = type switch
            {
                VariableType.String => "a string such as \"low\"",
                VariableType.Number => "a number such as 12",
                VariableType.Boolean => "true or false",
                _ => "an ISO date such as \"2026-12-01\" or \"2026-12-01T14:30:00Z\"",
            };
            v.Report("default", $"default {ObjectReader.KindName(d)} does not fit {type.ToString().ToLowerInvariant()} variable '{name}': write {example}");
            return null;
        }
        if (values is not null && result is string s && !values.Contains(s))
            v.Report("default", $"default '{s}' is not one of the values of '{name}' ({Names.List(values)}): use one of them or add it to 'values'");
        return result;
    }

    public static bool IsDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
        || (text.Contains('T') && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _));

    /// <summary>Reports an unknown variable or one of the wrong type; broken declarations are not reported twice.</summary>
    public void Check(Problems problems, string? stepId, string path, string name, string usage, VariableType? required)
    {
        if (_valid.TryGetValue(name, out var variable))
        {
            if (required is { } type && variable.Type != type)
                problems.Add(stepId, path, $"{usage} needs a {Lower(type)} variable, but '{name}' is a {Lower(variable.Type)}: " +
                    $"use a {Lower(type)} variable or declare '{name}' with \"type\": \"{Lower(type)}\"");
            return;
        }
        if (_declared.Contains(name)) return;
        var wanted = required is { } r ? $" with \"type\": \"{Lower(r)}\"" : "";
        problems.Add(stepId, path, $"unknown variable '{name}' in {usage}: declare it under \"variables\"{wanted}{Names.DidYouMean(name, _declared)}");
    }

    private static string Lower(VariableType type) => type.ToString().ToLowerInvariant();
}
