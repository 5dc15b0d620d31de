using System.Globalization;
using System.Text.Json.Nodes;
using ReferralFlow.Engine.Conditions;
using ReferralFlow.Engine.Definitions;
using ReferralFlow.Engine.Execution;

namespace ReferralFlow.Engine.Simulation;

internal sealed record PlannedAnswer(
    Guid ItemId, bool IsHandOff, DateTimeOffset At, string Outcome, IReadOnlyDictionary<string, JsonNode?> Data,
    string Workflow, string StepId);

/// <summary>Decides, as each task or request opens, who answers it when and how, following the script.</summary>
internal sealed class AnswerPlan(SimulationScript script, InMemoryHost host)
{
    private static readonly TimeSpan OnTimeDelay = TimeSpan.FromDays(1);
    private static readonly WorkflowDuration DatesAhead = WorkflowDuration.Parse("P14D");

    private readonly HashSet<Guid> seen = [];
    private readonly Dictionary<string, int> used = [];
    private readonly List<PlannedAnswer> planned = [];

    public void Discover()
    {
        foreach (var task in host.Tasks.Where(t => t.IsOpen && seen.Add(t.Id)))
            Plan(task.Id, false, task.ReferralId, task.StepId, task.OpenedAt, task.DueAt);
        foreach (var handOff in host.HandOffs.Where(h => h.IsOpen && seen.Add(h.Id)))
            Plan(handOff.Id, true, handOff.ReferralId, handOff.StepId, handOff.OpenedAt, handOff.DueAt);
    }

    /// <summary>The earliest answer still to give; answers to steps closed meanwhile are dropped.</summary>
    public PlannedAnswer? Next()
    {
        planned.RemoveAll(p => !IsOpen(p));
        return planned.OrderBy(p => p.At).FirstOrDefault();
    }

    public void Give(PlannedAnswer answer)
    {
        planned.Remove(answer);
        try
        {
            if (answer.IsHandOff) host.AnswerHandOff(answer.ItemId, answer.Outcome, answer.Data);
            else host.CompleteTask(answer.ItemId, answer.Outcome, answer.Data);
        }
        catch (WorkflowInputException e)
        {
            throw new SimulationScriptException(
                [$"{script.Source}: the answer '{answer.Outcome}' to step '{answer.StepId}' of '{answer.Workflow}' was refused: {e.Message}"]);
        }
    }

    private bool IsOpen(PlannedAnswer p) => p.IsHandOff
        ? host.HandOffs.Any(h => h.Id == p.ItemId && h.IsOpen)
        : host.Tasks.Any(t => t.Id == p.ItemId && t.IsOpen);

    private void Plan(Guid id, bool isHandOff, Guid referralId, string stepId, DateTimeOffset openedAt, DateTimeOffset? dueAt)
    {
        var definition = host.Instance(referralId).Definition;
        var answer = Scripted(definition.Id, stepId);
        if (answer is { Never: true }) return;
        var step = definition.Step(stepId);
        var at = answer?.After is { } after ? after.AddTo(openedAt) : OnTime(openedAt, dueAt);
        var data = new Dictionary<string, JsonNode?>();
        foreach (var name in ScriptCheck.Sets(step))
            data[name] = Plausible(definition.Variables[name], openedAt);
        foreach (var (name, value) in answer?.Data ?? new Dictionary<string, JsonNode?>())
            data[name] = value?.DeepClone();
        planned.Add(new PlannedAnswer(id, isHandOff, at, answer?.Outcome ?? step.Outcomes[0], data, definition.Id, stepId));
    }

    private ScriptedAnswer? Scripted(string workflowId, string stepId)
    {
        var key = script.Steps.ContainsKey($"{workflowId}/{stepId}") ? $"{workflowId}/{stepId}" : stepId;
        if (!script.Steps.TryGetValue(key, out var answers)) return null;
        var index = used.GetValueOrDefault(key);
        used[key] = index + 1;
        return answers[Math.Min(index, answers.Count - 1)];
    }

    // On time: a day after opening, or halfway to a closer due time.
    private static DateTimeOffset OnTime(DateTimeOffset openedAt, DateTimeOffset? dueAt)
    {
        if (dueAt is not { } due) return openedAt + OnTimeDelay;
        if (due <= openedAt) return openedAt;
        var half = (due - openedAt) / 2;
        return openedAt + (half < OnTimeDelay ? half : OnTimeDelay);
    }

    // Values that let later conditions, dueFrom and until work on the default path.
    private static JsonNode? Plausible(VariableDefinition variable, DateTimeOffset openedAt) => variable.Type switch
    {
        VariableType.String => JsonValue.Create(variable.Values?.FirstOrDefault() ?? VariableFormats.Example(variable.Format) ?? "example"),
        VariableType.Number => JsonValue.Create(1m),
        VariableType.Boolean => JsonValue.Create(true),
        _ => JsonValue.Create(DatesAhead.AddTo(openedAt).ToString("O", CultureInfo.InvariantCulture)),
    };
}
