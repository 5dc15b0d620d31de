using System.Text.Json;

namespace ReferralFlow.Engine.Definitions;

internal sealed record ParsedTransition(int Index, string From, string Outcome, string To)
{
    public string Path => $"$.transitions[{Index}]";
}

/// <summary>Reads <c>$.transitions</c> and checks them against the steps' declared outcomes.</summary>
internal static class TransitionChecks
{
    /// <summary>The complete transitions; null when the list itself is missing or not an array.</summary>
    public static List<ParsedTransition>? Parse(ObjectReader root)
    {
        if (root.Value("transitions", true, JsonValueKind.Array,
                "a list of { \"from\": step, \"outcome\": outcome, \"to\": step }") is not { } array) return null;
        var result = new List<ParsedTransition>();
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var i = index++;
            var path = $"$.transitions[{i}]";
            var peeked = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("from", out var f)
                && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
            if (ObjectReader.Open(root.Problems, item, path, peeked, "a transition") is not { } r) continue;
            r.CheckFields(["from", "outcome", "to"]);
            var from = r.String("from", true, "the id of the step that finishes");
            var outcome = r.String("outcome", true, "the outcome of that step");
            var to = r.String("to", true, "the id of the next step, or \"join\" to end a parallel branch");
            if (from is not null && outcome is not null && to is not null)
                result.Add(new ParsedTransition(i, from, outcome, to));
        }
        return result;
    }

    public static void Check(Problems problems, IReadOnlyDictionary<string, ParsedStep> steps,
        IReadOnlyList<ParsedTransition> transitions, bool complete)
    {
        var seen = new Dictionary<(string, string), ParsedTransition>();
        foreach (var t in transitions)
        {
            steps.TryGetValue(t.From, out var from);
            if (from is null)
                problems.Add(null, t.Path + ".from", $"transition from unknown step '{t.From}': use the id of a step in \"steps\"" +
                    Names.DidYouMean(t.From, steps.Keys));
            if (t.To != Transition.Join && !steps.ContainsKey(t.To))
                problems.Add(from?.Id, t.Path + ".to", $"transition to unknown step '{t.To}': use the id of a step in \"steps\", " +
                    $"or \"join\" to end a parallel branch{Names.DidYouMean(t.To, steps.Keys)}");
            if (from is null) continue;
            if (from.IsEnd)
            {
                problems.Add(from.Id, t.Path, $"end step '{from.Id}' closes the referral and can have no outgoing transitions: remove this transition");
                continue;
            }
            if (from.OutcomesKnown && from.Outcomes.All(o => o.Outcome != t.Outcome))
            {
                var declared = from.Outcomes.Select(o => o.Outcome).ToList();
                problems.Add(from.Id, t.Path + ".outcome", $"{from.Describe} has no outcome '{t.Outcome}' (its outcomes: " +
                    $"{(declared.Count == 0 ? "none" : Names.List(declared))}): add it to the step's outcomes or fix the transition" +
                    Names.DidYouMean(t.Outcome, declared));
            }
            if (!seen.TryAdd((t.From, t.Outcome), t))
                problems.Add(from.Id, t.Path, $"second transition for outcome '{t.Outcome}' of step '{t.From}' " +
                    $"(the first is {seen[(t.From, t.Outcome)].Path}): remove one, each outcome leads to exactly one step");
        }
        // Without a readable transitions list every outcome would be reported: that problem is reported already.
        if (!complete) return;
        foreach (var step in steps.Values.Where(s => s.OutcomesKnown).OrderBy(s => s.Index))
        foreach (var declared in step.Outcomes.Where(o => !seen.ContainsKey((step.Id!, o.Outcome))))
            problems.Add(step.Id, declared.Path, $"outcome '{declared.Outcome}' of step '{step.Id}' has no transition: " +
                $"add {{ \"from\": \"{step.Id}\", \"outcome\": \"{declared.Outcome}\", \"to\": \"<next step>\" }} to \"transitions\"");
    }
}
