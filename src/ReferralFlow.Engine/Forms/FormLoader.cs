using System.Text.Json;
using System.Text.RegularExpressions;
using ReferralFlow.Engine.Definitions;

namespace ReferralFlow.Engine.Forms;

public sealed record FormLoadResult(FormDefinition? Form, IReadOnlyList<DefinitionProblem> Problems);

/// <summary>
/// Turns one form file into a <see cref="FormDefinition"/> or the full list of its problems, each with the file, the
/// JSON path and what to do, exactly as procedure files are checked (the same reader and messages).
/// </summary>
public static partial class FormLoader
{
    private static readonly string[] RootFields = ["$schema", "id", "title", "description", "fields"];
    private static readonly string[] ItemFields = ["name", "label", "type", "required", "options", "help", "min", "max", "variable", "personal"];

    public static FormLoadResult LoadFile(string path)
    {
        try
        {
            return Load(File.ReadAllText(path), path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new FormLoadResult(null, [new DefinitionProblem(path, null, "$", $"cannot read the file: {e.Message}")]);
        }
    }

    /// <summary>The form id must be the file name without ".json", so a task's "form" finds its file.</summary>
    public static FormLoadResult Load(string json, string file)
    {
        var problems = new Problems(file);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            problems.Add(null, "$", $"not valid JSON at line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1}: " +
                "fix the syntax there (a missing comma, quote or bracket is the usual cause)");
            return new FormLoadResult(null, problems.List);
        }
        using (document)
        {
            if (ObjectReader.Open(problems, document.RootElement, "$", null, "the form") is not { } r)
                return new FormLoadResult(null, problems.List);
            r.CheckFields(RootFields);
            var id = r.Id("id", true, "the form id, the file name without .json, e.g. \"risk-assessment\"");
            var expected = Path.GetFileNameWithoutExtension(file);
            if (id is not null && Names.IsId(id) && file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && id != expected)
                r.Report("id", $"form id '{id}' differs from the file name '{expected}.json': rename the file or set \"id\": \"{expected}\"");
            var title = r.String("title", true, "the title shown above the form");
            var description = r.String("description", false, "free text shown under the title");
            var fields = Fields(r);
            return problems.Count > 0
                ? new FormLoadResult(null, problems.List)
                : new FormLoadResult(new FormDefinition { Id = id!, Title = title!, Description = description, Fields = fields }, []);
        }
    }

    private static List<FormField> Fields(ObjectReader r)
    {
        var result = new List<FormField>();
        if (r.Value("fields", true, JsonValueKind.Array, "a list of fields [{ \"name\": ..., \"label\": ..., \"type\": ... }]") is not { } array)
            return result;
        if (array.GetArrayLength() == 0) r.Report("fields", "the form has no fields: add at least one");
        var first = new Dictionary<string, string>();
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var path = Names.Index(r.PathOf("fields"), index++);
            if (ObjectReader.Open(r.Problems, element, path, null, "a form field") is not { } f) continue;
            if (Field(f) is not { } field) continue;
            if (!first.TryAdd(field.Name, path))
                f.Report("name", $"duplicate field name '{field.Name}' (first used at {first[field.Name]}): give each field its own name");
            result.Add(field);
        }
        return result;
    }

    private static FormField? Field(ObjectReader f)
    {
        var before = f.Problems.Count;
        f.CheckFields(ItemFields);
        var name = f.String("name", true, "the key of the value in a submission, e.g. \"emotionalState\"");
        if (name is not null && !FieldName().IsMatch(name))
            f.Report("name", $"'{name}' is not a valid field name: use letters and digits, starting with a letter, e.g. \"emotionalState\"");
        var label = f.String("label", true, "the question or caption shown to the caseworker");
        var type = Type(f);
        var required = f.Bool("required", "true or false") ?? false;
        var help = f.String("help", false, "a hint shown under the field");
        var options = Options(f, type);
        var (min, max) = Range(f, type);
        var personal = f.Bool("personal", "true (the default: encrypted, never a variable) or false") ?? true;
        var variable = f.String("variable", false, "the name of a workflow variable, e.g. \"risk.level\"");
        if (variable is not null && !Names.IsVariableName(variable))
            f.Report("variable", $"'{variable}' is not a variable name: use dotted names such as \"risk.level\"");
        if (variable is not null && personal)
            f.Report("variable", $"field '{name}' is personal, so it cannot feed variable '{variable}' (workflow variables are never " +
                "personal data): add \"personal\": false if the value is not personal, or remove \"variable\"");
        if (variable is not null && type == FieldType.Multichoice)
            f.Report("variable", "a multichoice field holds a list, which no workflow variable can: use a choice or remove \"variable\"");
        if (f.Problems.Count > before) return null;
        return new FormField
        {
            Name = name!, Label = label!, Type = type!.Value, Required = required, Help = help, Min = min, Max = max,
            Options = type == FieldType.Level ? FormField.Levels : options, Variable = variable, Personal = personal,
        };
    }

    private static FieldType? Type(ObjectReader f)
    {
        var text = f.String("type", true, $"one of {Names.List(FieldTypes.ByName.Keys)}");
        if (text is null) return null;
        if (FieldTypes.ByName.TryGetValue(text, out var type)) return type;
        f.Report("type", $"unknown field type '{text}'" + (Names.Closest(text, FieldTypes.ByName.Keys) is { } close
            ? $"; did you mean '{close}'?"
            : $": use one of {Names.List(FieldTypes.ByName.Keys)}"));
        return null;
    }

    private static IReadOnlyList<string> Options(ObjectReader f, FieldType? type)
    {
        var options = f.Strings("options", false, true, "the choices, e.g. [\"written\", \"verbal\"]");
        if (type is not { } known) return [];
        if (!known.HasOptions())
        {
            if (f.Has("options"))
                f.Report("options", known == FieldType.Level
                    ? $"a level field always offers {Names.List(FormField.Levels)}: remove \"options\" (or make it a choice)"
                    : $"only choice and multichoice fields have options, not a {known.Name()} field: remove \"options\"");
            return [];
        }
        if (!f.Has("options"))
        {
            f.Missing("options", "the choices, e.g. [\"written\", \"verbal\"]");
            return [];
        }
        var seen = new HashSet<string>();
        foreach (var (option, path) in options ?? [])
            if (!seen.Add(option)) f.Problems.Add(null, path, $"option '{option}' is listed twice: keep one");
        return [.. seen];
    }

    private static (decimal? Min, decimal? Max) Range(ObjectReader f, FieldType? type)
    {
        var min = f.Value("min", false, JsonValueKind.Number, "the smallest allowed number")?.GetDecimal();
        var max = f.Value("max", false, JsonValueKind.Number, "the largest allowed number")?.GetDecimal();
        if (type is { } known && known != FieldType.Number)
            foreach (var bound in new[] { "min", "max" }.Where(f.Has))
                f.Report(bound, $"'{bound}' applies only to number fields, not a {known.Name()} field: remove it");
        if (min > max) f.Report("min", $"min {min} is above max {max}: swap them");
        return (min, max);
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]*$")]
    private static partial Regex FieldName();
}
