using System.Text.Json;

namespace ReferralFlow.Engine.Definitions;

/// <summary>
/// Reads the fields of one JSON object, reporting every missing, mistyped or unknown field with its path
/// instead of throwing, so one pass over a file finds all of its problems.
/// </summary>
internal sealed class ObjectReader(Problems problems, JsonElement obj, string path, string? stepId, string what)
{
    public Problems Problems => problems;
    public string Path => path;
    public string? StepId => stepId;
    public string What => what;

    /// <summary>A reader for <paramref name="element"/>, or null (after reporting) when it is not an object.</summary>
    public static ObjectReader? Open(Problems problems, JsonElement element, string path, string? stepId, string what)
    {
        if (element.ValueKind == JsonValueKind.Object) return new ObjectReader(problems, element, path, stepId, what);
        problems.Add(stepId, path, $"{what} must be a JSON object {{ ... }}, not {KindName(element)}");
        return null;
    }

    public string PathOf(string field) => Names.Field(path, field);

    public void Report(string field, string message) => problems.Add(stepId, PathOf(field), message);

    public JsonElement? Get(string field) => obj.TryGetProperty(field, out var value) ? value : null;

    public bool Has(string field) => obj.TryGetProperty(field, out _);

    public void CheckFields(IReadOnlyCollection<string> known)
    {
        var seen = new HashSet<string>();
        foreach (var property in obj.EnumerateObject())
        {
            if (!seen.Add(property.Name))
                Report(property.Name, $"field '{property.Name}' appears more than once on {what}: keep only one");
            else if (!known.Contains(property.Name))
                Report(property.Name, Names.Closest(property.Name, known) is { } close
                    ? $"unknown field '{property.Name}' on {what}; did you mean '{close}'?"
                    : $"unknown field '{property.Name}' on {what}: remove it or use one of {Names.List(known)}");
        }
    }

    /// <summary>The value of <paramref name="field"/> when present and of the wanted kind (True stands for any boolean).</summary>
    public JsonElement? Value(string field, bool required, JsonValueKind kind, string hint)
    {
        if (!obj.TryGetProperty(field, out var value))
        {
            if (required) Missing(field, hint);
            return null;
        }
        var ok = kind == JsonValueKind.True ? value.ValueKind is JsonValueKind.True or JsonValueKind.False : value.ValueKind == kind;
        if (ok) return value;
        WrongKind(field, value, kind switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Array => "an array",
            JsonValueKind.Object => "an object",
            JsonValueKind.Number => "a number",
            _ => "true or false",
        }, hint);
        return null;
    }

    public string? String(string field, bool required, string hint)
    {
        var value = Value(field, required, JsonValueKind.String, hint)?.GetString();
        if (value is not null && value.Trim().Length == 0)
        {
            Report(field, $"'{field}' on {what} is empty: write {hint}");
            return null;
        }
        return value;
    }

    /// <summary>A string that must follow the id rule (step ids, outcomes, procedure ids).</summary>
    public string? Id(string field, bool required, string hint)
    {
        var value = String(field, required, hint);
        if (value is not null && !Names.IsId(value))
            Report(field, $"'{value}' is not a valid {field}: use {Names.IdRule}, e.g. '{Suggested(value)}'");
        return value;
    }

    public bool? Bool(string field, string hint) => Value(field, false, JsonValueKind.True, hint)?.GetBoolean();

    /// <summary>A list of strings with the path of each item; null when absent or not an array of strings.</summary>
    public IReadOnlyList<(string Value, string Path)>? Strings(string field, bool required, bool nonEmpty, string hint)
    {
        if (Value(field, required, JsonValueKind.Array, hint) is not { } array) return null;
        var items = new List<(string, string)>();
        var ok = true;
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            var itemPath = Names.Index(PathOf(field), i++);
            if (item.ValueKind == JsonValueKind.String) items.Add((item.GetString()!, itemPath));
            else
            {
                problems.Add(stepId, itemPath, $"'{field}' on {what} must list strings, not {KindName(item)}: write {hint}");
                ok = false;
            }
        }
        if (nonEmpty && items.Count == 0 && ok)
            Report(field, $"'{field}' on {what} is empty: list at least one, {hint}");
        return ok ? items : null;
    }

    /// <summary>A duration; negative ones are refused unless <paramref name="allowNegative"/>.</summary>
    public WorkflowDuration? Duration(string field, bool required, bool allowNegative, string hint) =>
        ParseDuration(String(field, required, hint), PathOf(field), allowNegative, field);

    public WorkflowDuration? ParseDuration(string? text, string at, bool allowNegative, string field)
    {
        if (text is null) return null;
        if (!WorkflowDuration.TryParse(text, out var duration))
        {
            problems.Add(stepId, at, WorkflowDuration.Hint(text));
            return null;
        }
        if (duration.Negative && !allowNegative)
        {
            problems.Add(stepId, at, $"'{field}' must not be negative ('{text}'): it counts forward, write e.g. '{text.TrimStart('-')}'");
            return null;
        }
        return duration;
    }

    public void Missing(string field, string hint) =>
        Report(field, $"missing required field '{field}' on {what}: add \"{field}\" with {hint}");

    public void WrongKind(string field, JsonElement value, string expected, string hint) =>
        Report(field, $"'{field}' on {what} must be {expected}, not {KindName(value)}: write {hint}");

    public static string KindName(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{value.GetString()}\"",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {value.GetRawText()}",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };

    private static string Suggested(string value)
    {
        var lower = new string([.. value.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
        return lower.Length > 0 && char.IsAsciiLetterLower(lower[0]) ? lower : "my-" + lower;
    }
}
