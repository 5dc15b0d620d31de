namespace ReferralFlow.Engine.Definitions;

/// <summary>
/// Parallel branches: each starts at a real step, ends at "join" or an end step, and owns its steps alone,
/// so a running branch can be cancelled or joined without touching another branch or the main path.
/// </summary>
internal static class ParallelChecks
{
    public static void Check(Problems problems, IReadOnlyDictionary<string, ParsedStep> steps,
        IReadOnlyList<ParsedTransition> transitions, string? start)
    {
        var outgoing = transitions.Where(t => steps.ContainsKey(t.From)).ToLookup(t => t.From);
        var inBranch = new HashSet<string>();
        foreach (var parallel in steps.Values.Where(s => s.Branches.Count > 0).OrderBy(s => s.Index))
        {
            var outside = start is not null && steps.ContainsKey(start) ? Outside(parallel, steps, outgoing, start) : [];
            var owners = new Dictionary<string, string>();
            foreach (var branch in parallel.Branches)
            {
                if (!steps.ContainsKey(branch.Start))
                {
                    problems.Add(parallel.Id, branch.Path, $"branch '{branch.Name}' starts at unknown step '{branch.Start}': " +
                        $"use the id of a step in \"steps\"{Names.DidYouMean(branch.Start, steps.Keys)}");
                    continue;
                }
                var (reach, exits) = Branch(branch.Start, steps, outgoing);
                inBranch.UnionWith(reach);
                if (!exits)
                    problems.Add(parallel.Id, branch.Path, $"branch '{branch.Name}' of parallel step '{parallel.Id}' never reaches " +
                        "\"join\" or an end step: end the branch with a transition \"to\": \"join\"");
                var reported = new HashSet<string>();
                foreach (var id in reach)
                {
                    if (owners.TryGetValue(id, out var other) && reported.Add(other))
                        problems.Add(parallel.Id, branch.Path, $"branch '{branch.Name}' reaches step '{id}' which also belongs to " +
                            $"branch '{other}'; each step belongs to one branch: give each branch its own steps, ending in \"join\"");
                    owners.TryAdd(id, branch.Name);
                }
                if (reach.FirstOrDefault(outside.Contains) is { } shared)
                    problems.Add(parallel.Id, branch.Path, $"branch '{branch.Name}' reaches step '{shared}' which is also reached " +
                        $"from outside parallel step '{parallel.Id}'; each step belongs to one branch: end the branch with \"to\": \"join\"");
            }
        }
        foreach (var t in transitions.Where(t => t.To == Transition.Join && steps.ContainsKey(t.From) && !inBranch.Contains(t.From)))
            problems.Add(t.From, t.Path + ".to", $"step '{t.From}' is not inside a parallel branch, so \"join\" has nothing to end: " +
                "point the transition at a step");
    }

    /// <summary>
    /// The steps of a branch in visiting order, stopping at "join" and end steps. A nested parallel step belongs
    /// to the branch, but its own branches are its own: only its transitions are followed.
    /// </summary>
    private static (List<string> Steps, bool Exits) Branch(
        string first, IReadOnlyDictionary<string, ParsedStep> steps, ILookup<string, ParsedTransition> outgoing)
    {
        var order = new List<string>();
        var seen = new HashSet<string> { first };
        var queue = new Queue<string>([first]);
        var exits = false;
        while (queue.TryDequeue(out var id))
        {
            order.Add(id);
            if (steps[id].IsEnd) exits = true;
            foreach (var t in outgoing[id])
            {
                if (t.To == Transition.Join) exits = true;
                else if (steps.ContainsKey(t.To) && seen.Add(t.To)) queue.Enqueue(t.To);
            }
        }
        return (order, exits);
    }

    /// <summary>Steps reachable from start without entering <paramref name="parallel"/>'s own branches.</summary>
    private static HashSet<string> Outside(ParsedStep parallel, IReadOnlyDictionary<string, ParsedStep> steps,
        ILookup<string, ParsedTransition> outgoing, string start)
    {
        var seen = new HashSet<string> { start };
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var id))
        {
            var step = steps[id];
            var next = outgoing[id].Select(t => t.To);
            if (step != parallel) next = next.Concat(step.Branches.Select(b => b.Start));
            foreach (var to in next.Where(steps.ContainsKey).Where(seen.Add)) queue.Enqueue(to);
        }
        return seen;
    }
}
