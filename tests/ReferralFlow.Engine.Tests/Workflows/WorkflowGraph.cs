using ReferralFlow.Engine.Definitions;

namespace ReferralFlow.Engine.Tests.Workflows;

/// <summary>Small graph walks over a definition: transitions plus parallel branch starts.</summary>
internal static class WorkflowGraph
{
    /// <summary>
    /// Steps reachable from <paramref name="from"/> when some steps (and all their transitions) or single
    /// transitions (step, outcome) are taken out. A parallel step leads to its branch starts and to its own
    /// outcome's target without requiring its branches to join, so the result over-approximates what can
    /// run: a step it does not contain can never run.
    /// </summary>
    public static HashSet<string> Reachable(
        WorkflowDefinition definition, string from,
        IReadOnlyCollection<string>? removedSteps = null,
        IReadOnlyCollection<(string Step, string Outcome)>? removedTransitions = null)
    {
        removedSteps ??= [];
        removedTransitions ??= [];
        var reached = new HashSet<string>();
        if (removedSteps.Contains(from)) return reached;
        var queue = new Queue<string>();
        reached.Add(from);
        queue.Enqueue(from);
        while (queue.TryDequeue(out var id))
        {
            var next = definition.Transitions
                .Where(t => t.From == id && !removedTransitions.Contains((t.From, t.Outcome)))
                .Select(t => t.To)
                .Where(to => to != Transition.Join);
            if (definition.Step(id) is ParallelStep parallel) next = next.Concat(parallel.Branches.Values);
            foreach (var to in next.Where(to => !removedSteps.Contains(to) && reached.Add(to)))
                queue.Enqueue(to);
        }
        return reached;
    }

    /// <summary>
    /// Follows the first (expected) outcome of every step from the start to an end step. A parallel step's
    /// branches are each followed the same way and must reach "join"; then its own first outcome is taken.
    /// Decisions take their first branch, subworkflows their first listed outcome. Returns the end step and
    /// the steps passed, in order; fails on a loop, a branch that ends the referral, or a missing transition.
    /// </summary>
    public static (EndStep End, List<string> Path) FollowFirstOutcomes(WorkflowDefinition definition)
    {
        var path = new List<string>();
        var last = Follow(definition, definition.Start, path, inBranch: false);
        return (last as EndStep ?? throw new InvalidOperationException(
            $"'{definition.Id}': the expected path stops at '{last.Id}' instead of an end step"), path);
    }

    private static StepDefinition Follow(WorkflowDefinition definition, string from, List<string> path, bool inBranch)
    {
        var seen = new HashSet<string>();
        var step = definition.Step(from);
        while (true)
        {
            if (!seen.Add(step.Id))
                throw new InvalidOperationException(
                    $"'{definition.Id}': the expected path loops back to '{step.Id}' ({string.Join(" → ", path)})");
            path.Add(step.Id);
            if (step is EndStep)
            {
                if (inBranch)
                    throw new InvalidOperationException(
                        $"'{definition.Id}': the expected path of a parallel branch ends the referral at '{step.Id}'");
                return step;
            }
            if (step is ParallelStep parallel)
                foreach (var (branch, first) in parallel.Branches)
                {
                    path.Add($"[{branch}]");
                    var branchEnd = Follow(definition, first, path, inBranch: true);
                    if (!ReferenceEquals(branchEnd, JoinMarker))
                        throw new InvalidOperationException(
                            $"'{definition.Id}': branch '{branch}' of '{parallel.Id}' does not reach join on its expected path");
                }
            var outcome = step.Outcomes.Count > 0 ? step.Outcomes[0]
                : throw new InvalidOperationException($"'{definition.Id}': step '{step.Id}' declares no outcome");
            var target = definition.Target(step.Id, outcome)
                ?? throw new InvalidOperationException($"'{definition.Id}': no transition for '{step.Id}' → '{outcome}'");
            if (target == Transition.Join)
            {
                if (!inBranch)
                    throw new InvalidOperationException($"'{definition.Id}': '{step.Id}' goes to join outside a branch");
                path.Add(Transition.Join);
                return JoinMarker;
            }
            step = definition.Step(target);
        }
    }

    private static readonly StepDefinition JoinMarker = new EndStep { Id = Transition.Join, Outcome = Transition.Join };
}
