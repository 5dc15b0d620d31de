using ReferralFlow.Engine.Conditions;

namespace ReferralFlow.Engine.Tests.Conditions;

internal static class ConditionTestSupport
{
    public static readonly IReadOnlyDictionary<string, VariableType> Declared = new Dictionary<string, VariableType>
    {
        ["risk.level"] = VariableType.String,
        ["person.isChild"] = VariableType.Boolean,
        ["person.age"] = VariableType.Number,
        ["monitoring.months"] = VariableType.Number,
        ["referral.received"] = VariableType.Date,
        ["case.has-plan_v2"] = VariableType.Boolean,
    };

    public static Condition Compile(string text)
    {
        var result = ConditionCompiler.Compile(text, Declared);
        Assert.True(result.Success,
            $"expected '{text}' to compile, got: {string.Join(" | ", result.Errors.Select(e => $"{e.Position}: {e.Message}"))}");
        return result.Condition!;
    }

    public static IReadOnlyList<ConditionError> Errors(string text)
    {
        var result = ConditionCompiler.Compile(text, Declared);
        Assert.False(result.Success, $"expected '{text}' to be rejected");
        Assert.Null(result.Condition);
        return result.Errors;
    }

    public static ConditionError SingleError(string text) => Assert.Single(Errors(text));

    // Typical values; tests override only the variables they care about.
    public static Dictionary<string, object?> Values(params (string Name, object? Value)[] overrides)
    {
        var values = new Dictionary<string, object?>
        {
            ["risk.level"] = "high",
            ["person.isChild"] = true,
            ["person.age"] = 10m,
            ["monitoring.months"] = 6m,
            ["referral.received"] = new DateOnly(2026, 1, 31),
            ["case.has-plan_v2"] = false,
        };
        foreach (var (name, value) in overrides)
        {
            values[name] = value;
        }

        return values;
    }

    public static bool Evaluate(string text, params (string Name, object? Value)[] overrides) =>
        Compile(text).Evaluate(Values(overrides));
}
