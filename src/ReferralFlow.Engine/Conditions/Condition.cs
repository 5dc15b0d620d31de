using System.Collections.Frozen;

namespace ReferralFlow.Engine.Conditions;

public sealed class Condition
{
    private readonly Expr root;
    private readonly IReadOnlyList<KeyValuePair<string, VariableType>> referenced;

    internal Condition(string text, Expr root, IReadOnlyList<KeyValuePair<string, VariableType>> referenced)
    {
        Text = text;
        this.root = root;
        this.referenced = referenced;
        Variables = referenced.Select(variable => variable.Key).ToFrozenSet(StringComparer.Ordinal);
    }

    public string Text { get; }

    public IReadOnlySet<string> Variables { get; }

    // Every referenced variable is required, even one a short-circuit would skip, so a missing input
    // surfaces on the first run instead of only on the rare path that needs it.
    public bool Evaluate(IReadOnlyDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var resolved = new Dictionary<string, object>(referenced.Count, StringComparer.Ordinal);
        foreach (var (name, type) in referenced)
        {
            if (!values.TryGetValue(name, out var value))
            {
                throw new ConditionEvaluationException(
                    $"variable '{name}' has no value but condition '{Text}' needs it; supply {type.WithArticle()} for '{name}'");
            }

            resolved[name] = Normalize(name, type, value);
        }

        return Evaluator.IsTrue(root, resolved);
    }

    // Messages name the variable and CLR type only: values may be personal data and must not reach logs.
    private object Normalize(string name, VariableType type, object? value) => (type, value) switch
    {
        (_, null) => throw new ConditionEvaluationException(
            $"variable '{name}' is null but condition '{Text}' needs it; supply {type.WithArticle()} for '{name}'"),
        (VariableType.String, string text) => text,
        (VariableType.Number, decimal number) => number,
        (VariableType.Number, int number) => (decimal)number,
        (VariableType.Number, long number) => (decimal)number,
        (VariableType.Boolean, bool flag) => flag,
        (VariableType.Date, DateOnly date) => date,
        _ => throw new ConditionEvaluationException(
            $"variable '{name}' is declared as {type.WithArticle()} but was given a {value.GetType().Name}; "
            + $"pass a {ClrTypeName(type)} for it (condition '{Text}')"),
    };

    private static string ClrTypeName(VariableType type) => type switch
    {
        VariableType.String => "string",
        VariableType.Number => "decimal",
        VariableType.Boolean => "bool",
        _ => "DateOnly",
    };
}
