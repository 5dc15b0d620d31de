using System.Text.Json.Nodes;
using ReferralFlow.Engine.Definitions;

namespace ReferralFlow.Engine.Execution;

/// <summary>
/// Runs one instance of a definition: starts it, or applies one stimulus, then runs every ready branch
/// until all of them wait. Pure: it returns the new state and the effects for the host to commit.
/// </summary>
public sealed class WorkflowRunner(TimeProvider clock)
{
    public ExecutionResult Start(WorkflowDefinition definition, IReadOnlyDictionary<string, JsonNode?> input, string actor)
    {
        var state = new InstanceState();
        foreach (var (name, value) in input)
        {
            if (!definition.Variables.TryGetValue(name, out var declared) || !declared.Input)
                throw new WorkflowInputException(
                    $"'{name}' is not an input of '{definition.Id}'; inputs are: {InputNames(definition)}.");
            state.Variables[name] = VariableValues.Normalize(name, declared, value);
        }
        foreach (var (name, declared) in definition.Variables)
            if (!state.Variables.ContainsKey(name) && declared.Default is not null)
                state.Variables[name] = VariableValues.FromDefault(declared);

        var pass = new EnginePass(definition, state, clock);
        pass.History("started", null, $"{definition.Id} v{definition.Version}", actor);
        pass.AddToken(definition.Start, null, null);
        return pass.RunToWait();
    }

    public ExecutionResult Resume(WorkflowDefinition definition, InstanceState state, Stimulus stimulus)
    {
        var pass = new EnginePass(definition, state, clock);
        var applied = stimulus switch
        {
            CompleteTask s => pass.CompleteTask(s),
            AnswerHandOff s => pass.AnswerHandOff(s),
            FireTimer s => pass.FireTimer(s),
            ChildClosed s => pass.ChildClosed(s),
            Withdraw s => pass.Withdraw(s),
            RetryIncidents s => pass.Retry(s),
            _ => throw new ArgumentOutOfRangeException(nameof(stimulus), stimulus.GetType().Name, "Unknown stimulus."),
        };
        return applied ? pass.RunToWait() : pass.Result() with { Stale = true };
    }

    private static string InputNames(WorkflowDefinition definition)
    {
        var names = definition.Variables.Where(v => v.Value.Input).Select(v => v.Key).ToList();
        return names.Count == 0 ? "(none)" : string.Join(", ", names);
    }
}
