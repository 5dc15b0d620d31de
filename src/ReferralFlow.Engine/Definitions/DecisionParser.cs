using System.Text.Json;
using ReferralFlow.Engine.Conditions;

namespace ReferralFlow.Engine.Definitions;

/// <summary>decision: branches with conditions compiled against the declared variables, then "otherwise".</summary>
internal static class DecisionParser
{
    public static StepDefinition? Parse(StepInput s)
    {
        var r = s.Reader;
        var types = s.Variables.TypesByName;
        var branches = new List<DecisionBranch>();
        var complete = true;
        var array = r.Value("branches", true, JsonValueKind.Array,
            "a list such as [{ \"when\": \"risk.level == 'high'\", \"outcome\": \"high\" }]");
        if (array is { } list && list.GetArrayLength() == 0)
            r.Report("branches", "decision step has no branches: add at least one { \"when\": ..., \"outcome\": ... }");
        var index = 0;
        IEnumerable<JsonElement> items = array is { } a ? a.EnumerateArray() : [];
        foreach (var item in items)
        {
            var path = Names.Index(r.PathOf("branches"), index++);
            if (ObjectReader.Open(s.Problems, item, path, s.Id, "a decision branch") is not { } b)
            {
                complete = false;
                continue;
            }
            b.CheckFields(["when", "outcome"]);
            var when = b.String("when", true, "a condition such as \"risk.level == 'high'\"");
            var outcome = b.Id("outcome", true, "the outcome when the condition holds, e.g. \"high\"");
            if (outcome is not null) DeclareOnce(s, outcome, b.PathOf("outcome"));
            else complete = false;
            var condition = when is null ? null : Compile(s, when, b.PathOf("when"), types);
            if (condition is null || outcome is null) complete = false;
            else branches.Add(new DecisionBranch(outcome, when!, condition));
        }
        if (array is null) s.Parsed.OutcomesKnown = false;

        var otherwise = r.Id("otherwise", true, "the outcome when no branch holds, e.g. \"normal\"");
        if (otherwise is not null) DeclareOnce(s, otherwise, r.PathOf("otherwise"));
        else s.Parsed.OutcomesKnown = false;
        return complete && otherwise is not null
            ? new DecisionStep { Id = s.Id, Title = s.Title, Count = s.Count, Branches = branches, Otherwise = otherwise }
            : null;
    }

    private static void DeclareOnce(StepInput s, string outcome, string path)
    {
        if (s.Parsed.Outcomes.FirstOrDefault(d => d.Outcome == outcome) is { } first)
            s.Problems.Add(s.Id, path, $"outcome '{outcome}' is already used at {first.Path}: " +
                "each branch and 'otherwise' needs its own outcome (combine the conditions with 'or' instead)");
        else
            s.Declare(outcome, path);
    }

    private static Condition? Compile(StepInput s, string when, string path, IReadOnlyDictionary<string, VariableType> types)
    {
        var result = ConditionCompiler.Compile(when, types);
        foreach (var error in result.Errors)
            s.Problems.Add(s.Id, path, $"condition \"{when}\" at position {error.Position}: {error.Message}");
        if (result.Errors.Count == 0 && result.Condition is null)
            s.Problems.Add(s.Id, path, $"condition \"{when}\" could not be compiled: rewrite it");
        return result.Errors.Count == 0 ? result.Condition : null;
    }
}
