using ReferralFlow.Engine.Definitions;
using ReferralFlow.Engine.Execution;

namespace ReferralFlow.Engine.Simulation;

/// <summary>Checks a script against the procedures it rehearses, before anything runs.</summary>
internal static class ScriptCheck
{
    public static void Validate(SimulationScript script, WorkflowDefinition top, DefinitionCatalog catalog)
    {
        var problems = new List<string>();
        var workflows = Reachable(top, catalog);
        foreach (var (name, value) in script.Input)
        {
            if (!top.Variables.TryGetValue(name, out var declared) || !declared.Input)
            {
                var inputs = top.Variables.Where(v => v.Value.Input).Select(v => v.Key).ToList();
                problems.Add($"at $.input['{name}']: '{name}' is not an input of '{top.Id}'; inputs are: " +
                    (inputs.Count == 0 ? "(none)" : string.Join(", ", inputs)));
                continue;
            }
            Check(() => VariableValues.Normalize(name, declared, value), $"$.input['{name}']", problems);
        }
        foreach (var (key, answers) in script.Steps)
        {
            var steps = Matches(key, workflows, out var problem);
            if (problem is not null)
            {
                problems.Add($"at $.steps['{key}']: {problem}");
                continue;
            }
            foreach (var answer in answers.Where(a => !a.Never))
            foreach (var (workflow, step) in steps)
                CheckAnswer(answer, workflow, step, steps.Count > 1 ? $" (write '{workflow.Id}/{step.Id}' to script only that one)" : "", problems);
        }
        if (problems.Count > 0) throw new SimulationScriptException([.. problems.Select(p => $"{script.Source}: {p}")]);
    }

    /// <summary>The procedure and every procedure it can start as a subworkflow, by id (latest versions).</summary>
    public static IReadOnlyDictionary<string, WorkflowDefinition> Reachable(WorkflowDefinition top, DefinitionCatalog catalog)
    {
        var found = new Dictionary<string, WorkflowDefinition> { [top.Id] = top };
        var queue = new Queue<WorkflowDefinition>([top]);
        while (queue.TryDequeue(out var definition))
            foreach (var child in definition.Steps.OfType<SubworkflowStep>())
                if (!found.ContainsKey(child.Workflow) && catalog.Latest(child.Workflow) is { } childDefinition)
                {
                    found[child.Workflow] = childDefinition;
                    queue.Enqueue(childDefinition);
                }
        return found;
    }

    /// <summary>The task or partner request steps a script key names.</summary>
    private static List<(WorkflowDefinition Workflow, StepDefinition Step)> Matches(
        string key, IReadOnlyDictionary<string, WorkflowDefinition> workflows, out string? problem)
    {
        problem = null;
        var slash = key.IndexOf('/');
        var stepId = slash < 0 ? key : key[(slash + 1)..];
        var candidates = workflows.Values;
        if (slash >= 0)
        {
            var workflowId = key[..slash];
            if (!workflows.TryGetValue(workflowId, out var workflow))
            {
                problem = $"'{workflowId}' is not this procedure nor one of its subworkflows ({string.Join(", ", workflows.Keys)})";
                return [];
            }
            candidates = [workflow];
        }
        var steps = candidates.SelectMany(w => w.Steps.Where(s => s.Id == stepId).Select(s => (w, s))).ToList();
        if (steps.Count == 0)
        {
            var known = candidates.SelectMany(w => w.Steps.Where(Answerable).Select(s => s.Id)).Distinct();
            problem = $"no step '{stepId}' in {string.Join(", ", candidates.Select(w => w.Id))}; answerable steps are: {string.Join(", ", known)}";
            return [];
        }
        var answerable = steps.Where(x => Answerable(x.s)).ToList();
        if (answerable.Count == 0)
            problem = $"step '{stepId}' is a {steps[0].s.Type} step, which nobody answers: script only task and partnerRequest steps";
        return answerable;
    }

    private static void CheckAnswer(ScriptedAnswer answer, WorkflowDefinition workflow, StepDefinition step, string hint, List<string> problems)
    {
        if (answer.Outcome is { } outcome && !step.Outcomes.Contains(outcome))
            problems.Add($"at {answer.Path}.outcome: '{outcome}' is not an outcome of step '{step.Id}' in '{workflow.Id}'; " +
                $"choose one of: {string.Join(", ", step.Outcomes)}{hint}");
        var sets = Sets(step);
        foreach (var (name, value) in answer.Data)
        {
            if (!sets.Contains(name))
                problems.Add($"at {answer.Path}.data['{name}']: step '{step.Id}' in '{workflow.Id}' does not set '{name}'; " +
                    (sets.Count == 0 ? "it takes no data: remove 'data'" : $"it sets: {string.Join(", ", sets)}") + hint);
            else
                Check(() => VariableValues.Normalize(name, workflow.Variables[name], value), $"{answer.Path}.data['{name}']", problems);
        }
    }

    public static bool Answerable(StepDefinition step) => step is TaskStep or PartnerRequestStep;

    public static IReadOnlyList<string> Sets(StepDefinition step) => step switch
    {
        TaskStep t => t.Sets,
        PartnerRequestStep p => p.Sets,
        _ => [],
    };

    private static void Check(Action normalize, string path, List<string> problems)
    {
        try
        {
            normalize();
        }
        catch (WorkflowInputException e)
        {
            problems.Add($"at {path}: {e.Message}");
        }
    }
}
