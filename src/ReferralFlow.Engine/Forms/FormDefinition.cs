using ReferralFlow.Engine.Conditions;

namespace ReferralFlow.Engine.Forms;

/// <summary>
/// A form a task shows (workflows/forms/ID.json): data, not code, so a coordinator can add a field by editing the
/// file. What is typed in is the person's record, stored encrypted; only fields marked <c>"personal": false</c> with a
/// <see cref="FormField.Variable"/> become workflow facts.
/// </summary>
public sealed record FormDefinition
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public string? Description { get; init; }
    public required IReadOnlyList<FormField> Fields { get; init; }

    public FormField? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);
}

public enum FieldType { Text, Multiline, Number, Boolean, Date, Choice, Multichoice, Level }

public sealed record FormField
{
    /// <summary>The levels a <see cref="FieldType.Level"/> field offers, lowest first.</summary>
    public static readonly IReadOnlyList<string> Levels = ["low", "medium", "high"];

    public required string Name { get; init; }
    public required string Label { get; init; }
    public required FieldType Type { get; init; }
    public bool Required { get; init; }

    /// <summary>The choices of a choice, multichoice or level field; empty for the others.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];
    public string? Help { get; init; }
    public decimal? Min { get; init; }
    public decimal? Max { get; init; }

    /// <summary>The workflow variable the value sets when the task completes; only for non-personal fields.</summary>
    public string? Variable { get; init; }

    /// <summary>Personal data (the default): stored only encrypted and never a workflow variable.</summary>
    public bool Personal { get; init; } = true;

    /// <summary>The variable type this field's values fit, or null when none does (a multichoice is a list).</summary>
    public VariableType? VariableType => Type switch
    {
        FieldType.Number => Conditions.VariableType.Number,
        FieldType.Boolean => Conditions.VariableType.Boolean,
        FieldType.Date => Conditions.VariableType.Date,
        FieldType.Multichoice => null,
        _ => Conditions.VariableType.String,
    };
}

public static class FieldTypes
{
    public static readonly IReadOnlyDictionary<string, FieldType> ByName = new Dictionary<string, FieldType>
    {
        ["text"] = FieldType.Text, ["multiline"] = FieldType.Multiline, ["number"] = FieldType.Number,
        ["boolean"] = FieldType.Boolean, ["date"] = FieldType.Date, ["choice"] = FieldType.Choice,
        ["multichoice"] = FieldType.Multichoice, ["level"] = FieldType.Level,
    };

    public static string Name(this FieldType type) => type.ToString().ToLowerInvariant();

    public static bool HasOptions(this FieldType type) => type is FieldType.Choice or FieldType.Multichoice;
}
