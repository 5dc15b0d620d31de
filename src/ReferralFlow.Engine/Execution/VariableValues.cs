using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ReferralFlow.Engine.Conditions;
using ReferralFlow.Engine.Definitions;

namespace ReferralFlow.Engine.Execution;

/// <summary>Checks submitted values against declared variables and converts them for conditions.</summary>
public static class VariableValues
{
    /// <summary>Canonical JSON for a value of the declared type, or a sentence that says what to fix.</summary>
    public static JsonNode? Normalize(string name, VariableDefinition declared, JsonNode? value)
    {
        if (value is null) return null;
        if (value is not JsonValue)
            throw new WorkflowInputException($"'{name}' must be a single {TypeName(declared.Type)} value, not an object or list.");
        // A value built in code (JsonValue.Create(2)) only converts to its own CLR type; its JSON text reads as any number.
        if (JsonNode.Parse(value.ToJsonString()) is not JsonValue scalar) return null;
        switch (declared.Type)
        {
            case VariableType.String when scalar.TryGetValue<string>(out var s):
                if (declared.Values is { } allowed && !allowed.Contains(s))
                    throw new WorkflowInputException($"'{name}' must be one of {string.Join(", ", allowed)}.");
                if (declared.Values is null && VariableCodes.Problem(name, s, declared.Format) is { } problem)
                    throw new WorkflowInputException(problem);
                return JsonValue.Create(declared.Format is null ? s : VariableCodes.Canonical(declared.Format, s));
            case VariableType.Number when scalar.TryGetValue<decimal>(out var n):
                return JsonValue.Create(n);
            case VariableType.Boolean when scalar.TryGetValue<bool>(out var b):
                return JsonValue.Create(b);
            // A date-time keeps the offset it was given (the local time where it happens), so a message shows it with its zone.
            case VariableType.Date when scalar.TryGetValue<string>(out var d) && TryParseLocal(d, out var at):
                return JsonValue.Create(at.ToString("O", CultureInfo.InvariantCulture));
            default:
                throw new WorkflowInputException(
                    $"'{name}' must be a {TypeName(declared.Type)}" +
                    (declared.Type == VariableType.Date ? " such as \"2026-12-01\" or \"2026-12-01T14:30:00Z\"." : "."));
        }
    }

    public static JsonNode? FromDefault(VariableDefinition declared) => declared.Default switch
    {
        null => null,
        string s when declared.Type == VariableType.Date && TryParseDate(s, out var at) =>
            JsonValue.Create(at.ToString("O", CultureInfo.InvariantCulture)),
        string s => JsonValue.Create(s),
        decimal n => JsonValue.Create(n),
        bool b => JsonValue.Create(b),
        var other => JsonValue.Create(Convert.ToString(other, CultureInfo.InvariantCulture)),
    };

    /// <summary>CLR values for the condition language: string, decimal, bool, DateOnly.</summary>
    public static IReadOnlyDictionary<string, object?> ForConditions(
        WorkflowDefinition definition, IReadOnlyDictionary<string, JsonNode?> values)
    {
        var result = new Dictionary<string, object?>();
        foreach (var (name, declared) in definition.Variables)
        {
            if (!values.TryGetValue(name, out var node) || node is null) continue;
            result[name] = declared.Type switch
            {
                VariableType.String => node.GetValue<string>(),
                VariableType.Number => node.GetValue<decimal>(),
                VariableType.Boolean => node.GetValue<bool>(),
                _ => DateOnly.FromDateTime(AsInstant(node).UtcDateTime),
            };
        }
        return result;
    }

    public static DateTimeOffset AsInstant(JsonNode node) =>
        TryParseDate(node.GetValue<string>(), out var at) ? at
            : throw new InvalidOperationException("A date variable holds a value that is not a date.");

    public static bool TryParseDate(string text, out DateTimeOffset at) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out at);

    /// <summary>The date-time as given, with its offset (UTC when none is given).</summary>
    public static bool TryParseLocal(string text, out DateTimeOffset at) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at);

    /// <summary>Reads a JSON object of submitted values (a file given to the CLI, a form post).</summary>
    public static IReadOnlyDictionary<string, JsonNode?> ParseObject(string json)
    {
        if (StorableText.FindInJson(json) is { } bad)
            throw new WorkflowInputException($"The text at {bad.Path} {bad.Problem}: it cannot be stored, fix it.");
        try
        {
            return JsonNode.Parse(json) is JsonObject obj
                ? obj.ToDictionary(p => p.Key, p => p.Value?.DeepClone())
                : throw new WorkflowInputException("The data must be a JSON object such as {\"risk.level\": \"high\"}.");
        }
        catch (JsonException e)
        {
            throw new WorkflowInputException($"The data is not valid JSON (line {e.LineNumber + 1}): fix the syntax.");
        }
    }

    private static string TypeName(VariableType type) => type.ToString().ToLowerInvariant();
}
