using ReferralFlow.Engine.Definitions;

namespace ReferralFlow.Core.Monitoring;

/// <summary>
/// Proves on a procedure's graph that an end can be reached only through a given step — that the follow-up closes as
/// "completed" only after the final review (issue 4 §5, monitoring.json's final-review), and a return closes as
/// "returned" only after the monitoring. Conservative: a parallel step counts as passing straight to its own outcome,
/// so a review hidden inside a branch does not count.
/// </summary>
public static class ReviewBeforeClosure
{
    /// <summary>The end steps of <paramref name="outcome"/> reachable from the start without passing <paramref name="throughStep"/>.</summary>
    public static IReadOnlyList<string> EndsReachableWithout(WorkflowDefinition definition, string outcome, string throughStep)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([definition.Start]);
        var found = new List<string>();
        while (queue.TryDequeue(out var id))
        {
            if (id == throughStep || id == Transition.Join || !seen.Add(id)) continue;
            var step = definition.Step(id);
            if (step is EndStep end && end.Outcome == outcome) found.Add(id);
            foreach (var next in Successors(definition, step)) queue.Enqueue(next);
        }
        return found;
    }

    private static IEnumerable<string> Successors(WorkflowDefinition definition, StepDefinition step)
    {
        foreach (var transition in definition.Transitions.Where(t => t.From == step.Id)) yield return transition.To;
        if (step is ParallelStep parallel)
            foreach (var start in parallel.Branches.Values) yield return start;
    }
}
