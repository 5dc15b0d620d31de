namespace ReferralFlow.Engine.Definitions;

/// <summary>Whole-graph checks: every step reachable, and no loop the engine could spin in without waiting.</summary>
internal static class GraphChecks
{
    /// <summary>Step → next steps, through transitions and parallel branch starts.</summary>
    public static Dictionary<string, List<string>> Successors(
        IReadOnlyDictionary<string, ParsedStep> steps, IReadOnlyList<ParsedTransition> transitions)
    {
        var next = steps.Keys.ToDictionary(id => id, _ => new List<string>());
        foreach (var t in transitions.Where(t => steps.ContainsKey(t.From) && steps.ContainsKey(t.To)))
            next[t.From].Add(t.To);
        foreach (var step in steps.Values)
            next[step.Id!].AddRange(step.Branches.Select(b => b.Start).Where(steps.ContainsKey));
        return next;
    }

    public static void Reachability(Problems problems, IReadOnlyDictionary<string, ParsedStep> steps,
        Dictionary<string, List<string>> next, string start)
    {
        var reached = new HashSet<string> { start };
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var id))
            foreach (var to in next[id].Where(reached.Add)) queue.Enqueue(to);
        foreach (var step in steps.Values.Where(s => !reached.Contains(s.Id!)).OrderBy(s => s.Index))
            problems.Add(step.Id, step.Path, $"step '{step.Id}' cannot be reached from start step '{start}': " +
                "add a transition (or parallel branch) that leads to it, or remove it");
    }

    /// <summary>
    /// A cycle made only of steps that finish at once would run forever in one engine pass. Those cycles are
    /// exactly the strongly connected components of the graph restricted to non-waiting steps.
    /// </summary>
    public static void Loops(Problems problems, IReadOnlyDictionary<string, ParsedStep> steps, Dictionary<string, List<string>> next)
    {
        var busy = steps.Values.Where(s => !s.IsWaiting).Select(s => s.Id!).ToHashSet();
        var components = new Tarjan(id => next[id].Where(busy.Contains)).Run(busy);
        foreach (var component in components)
        {
            var members = component.Select(id => steps[id]).OrderBy(s => s.Index).ToList();
            var first = members[0];
            if (members.Count == 1 && !next[first.Id!].Contains(first.Id!)) continue;
            var what = members.Count == 1
                ? $"step '{first.Id}' leads back to itself"
                : $"steps {Names.Quoted(members.Select(s => s.Id!))} form a loop";
            problems.Add(first.Id, first.Path, $"{what} with no waiting step in it, so the engine would go round forever: " +
                "put a task, partnerRequest, wait, parallel or waiting subworkflow in the loop");
        }
    }

    private sealed class Tarjan(Func<string, IEnumerable<string>> next)
    {
        private readonly Dictionary<string, int> _index = [];
        private readonly Dictionary<string, int> _low = [];
        private readonly Stack<string> _stack = new();
        private readonly HashSet<string> _onStack = [];
        private readonly List<List<string>> _components = [];

        public List<List<string>> Run(IEnumerable<string> nodes)
        {
            foreach (var node in nodes.Order(StringComparer.Ordinal))
                if (!_index.ContainsKey(node)) Visit(node);
            return _components;
        }

        private void Visit(string node)
        {
            var order = _index.Count;
            _index[node] = order;
            _low[node] = order;
            _stack.Push(node);
            _onStack.Add(node);
            foreach (var to in next(node))
            {
                if (!_index.ContainsKey(to))
                {
                    Visit(to);
                    _low[node] = Math.Min(_low[node], _low[to]);
                }
                else if (_onStack.Contains(to)) _low[node] = Math.Min(_low[node], _index[to]);
            }
            if (_low[node] != _index[node]) return;
            var component = new List<string>();
            string member;
            do
            {
                member = _stack.Pop();
                _onStack.Remove(member);
                component.Add(member);
            } while (member != node);
            _components.Add(component);
        }
    }
}
