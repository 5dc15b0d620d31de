using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FluentValidation;
using ReferralFlow.Engine;
using ReferralFlow.Engine.Forms;

namespace ReferralFlow.Core.Forms;

/// <summary>One thing wrong with a submission: the field (its name) and what to do. Never repeats the value typed.</summary>
public sealed record FormProblem(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}

/// <summary>A checked submission: the problems, or the values to store (empty optional fields left out).</summary>
public sealed record FormCheck(IReadOnlyList<FormProblem> Problems, JsonObject Values)
{
    public bool IsValid => Problems.Count == 0;

    /// <summary>All problems in one line, for the command line and exceptions.</summary>
    public string Describe(FormDefinition form) =>
        $"The '{form.Id}' form has {Problems.Count} problem(s), nothing was saved: {string.Join("; ", Problems)}.";
}

/// <summary>
/// Checks a submission against its form on the server, whatever the page or file sent: every problem at once
/// (FluentValidation, one rule per field, plus fields the form does not have).
/// </summary>
public static class FormValidation
{
    public static FormCheck Check(FormDefinition form, JsonObject submission)
    {
        var result = new SubmissionValidator(form).Validate(submission);
        var problems = result.Errors.Select(e => new FormProblem(e.PropertyName, e.ErrorMessage)).ToList();
        var values = new JsonObject();
        if (problems.Count == 0)
            foreach (var field in form.Fields)
                if (Present(submission[field.Name]) is { } node) values[field.Name] = node.DeepClone();
        return new FormCheck(problems, values);
    }

    /// <summary>The node, or null for a missing, null, blank-string or empty-list value.</summary>
    internal static JsonNode? Present(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Trim().Length == 0 => null,
        JsonArray { Count: 0 } => null,
        _ => node,
    };

    private sealed class SubmissionValidator : AbstractValidator<JsonObject>
    {
        public SubmissionValidator(FormDefinition form)
        {
            foreach (var field in form.Fields)
                RuleFor(o => o[field.Name]).Configure(rule => rule.PropertyName = field.Name).Custom((node, context) =>
                {
                    if (FieldProblem(field, Present(node)) is { } message) context.AddFailure(field.Name, message);
                });
            RuleFor(o => o).Configure(rule => rule.PropertyName = "form").Custom((submission, context) =>
            {
                foreach (var (name, _) in submission.Where(p => form.Field(p.Key) is null))
                    context.AddFailure(name, $"the '{form.Id}' form has no field '{name}'" + (Typos.Closest(name, form.Fields.Select(f => f.Name)) is { } close
                        ? $"; did you mean '{close}'?"
                        : $": use {string.Join(", ", form.Fields.Select(f => f.Name))}"));
            });
        }
    }

    private static string? FieldProblem(FormField field, JsonNode? node)
    {
        if (node is null)
            return field.Required ? $"'{field.Label}' is required: {Expected(field)}" : null;
        return field.Type switch
        {
            FieldType.Text or FieldType.Multiline => Text(node) is null ? $"'{field.Label}' must be text" : null,
            FieldType.Number => Number(field, node),
            FieldType.Boolean => node.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? null : $"'{field.Label}' must be true or false",
            FieldType.Date => Text(node) is { } d && DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                ? null : $"'{field.Label}' must be a date like 2027-01-31",
            FieldType.Multichoice => Choices(field, node),
            _ => Text(node) is { } choice && field.Options.Contains(choice) ? null : $"'{field.Label}' must be {Expected(field)}{DidYouMean(field, Text(node))}",
        };
    }

    private static string? Number(FormField field, JsonNode node)
    {
        if (node.GetValueKind() != JsonValueKind.Number) return $"'{field.Label}' must be a number";
        var value = node.GetValue<decimal>();
        if (value < field.Min) return $"'{field.Label}' must be at least {field.Min}";
        if (value > field.Max) return $"'{field.Label}' must be at most {field.Max}";
        return null;
    }

    private static string? Choices(FormField field, JsonNode node)
    {
        if (node is not JsonArray items || items.Any(i => Text(i) is null))
            return $"'{field.Label}' must be a list of {Expected(field)}";
        var chosen = items.Select(i => Text(i)!).ToList();
        if (chosen.FirstOrDefault(c => !field.Options.Contains(c)) is { } unknown)
            return $"'{field.Label}' offers no such choice: choose among {string.Join(", ", field.Options)}{DidYouMean(field, unknown)}";
        return chosen.Distinct().Count() == chosen.Count ? null : $"'{field.Label}' lists a choice twice: keep one";
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static string DidYouMean(FormField field, string? given) =>
        given is not null && Typos.Closest(given, field.Options) is { } close ? $"; did you mean '{close}'?" : "";

    private static string Expected(FormField field) => field.Type switch
    {
        FieldType.Text or FieldType.Multiline => "enter text",
        FieldType.Number => field.Min is not null || field.Max is not null ? $"a number from {field.Min?.ToString() ?? "any"} to {field.Max?.ToString() ?? "any"}" : "a number",
        FieldType.Boolean => "true or false",
        FieldType.Date => "a date like 2027-01-31",
        _ => $"one of {string.Join(", ", field.Options)}",
    };
}
