using System.Text.Json.Nodes;
using ReferralFlow.Engine.Definitions;

namespace ReferralFlow.Engine.Execution;

internal sealed partial class EnginePass
{
    private void OpenTask(Token token, TaskStep step)
    {
        var (dueAt, timers) = PlanDeadline(token, step, step.Deadline);
        var taskId = NewId();
        effects.Add(new TaskOpened(taskId, token.Id, step.Id, step.DisplayTitle, step.Role, step.Form, step.Outcomes, dueAt));
        effects.AddRange(timers);
        Wait(token, taskId);
        History("task-created", step.Id, step.Role);
    }

    private void OpenHandOff(Token token, PartnerRequestStep step)
    {
        var (dueAt, timers) = PlanDeadline(token, step, step.Deadline);
        var handOffId = NewId();
        effects.Add(new HandOffRequested(handOffId, token.Id, step.Id, step.DisplayTitle, step.Partner, step.Request, step.Outcomes, dueAt,
            Search(step.Find)));
        effects.Add(new MessageQueued(step.Id, MessageKind.Request, step.Partner, step.Request, handOffId, null));
        effects.AddRange(timers);
        Wait(token, handOffId);
        History("handoff-requested", step.Id, step.Partner);
    }

    private void Notify(Token token, NotifyStep step)
    {
        effects.Add(new MessageQueued(step.Id, MessageKind.Notice, step.To, step.Notice, null, null));
        History("notice-queued", step.Id, step.To);
        Complete(token, "done");
    }

    private void StartWait(Token token, WaitStep step)
    {
        var dueAt = step.For is { } period ? period.AddTo(now) : DateVariable(step.Until!, step.Id);
        var timerId = NewId();
        effects.Add(new TimerScheduled(timerId, token.Id, step.Id, TimerPurpose.Wait, 0, dueAt));
        Wait(token, timerId);
        History("waiting", step.Id, $"until {dueAt:yyyy-MM-dd HH:mm}Z");
    }

    private void Decide(Token token, DecisionStep step)
    {
        var values = VariableValues.ForConditions(definition, state.Variables);
        var outcome = step.Branches.FirstOrDefault(b => b.Condition.Evaluate(values))?.Outcome ?? step.Otherwise;
        History("decided", step.Id, outcome);
        Complete(token, outcome);
    }

    private void Fork(Token token, ParallelStep step)
    {
        var frame = new ParallelFrame { Id = NewId(), TokenId = token.Id, StepId = step.Id };
        state.Frames.Add(frame);
        Wait(token, frame.Id);
        History("parallel-started", step.Id, string.Join(", ", step.Branches.Keys));
        foreach (var (branch, start) in step.Branches)
            AddToken(start, frame.Id, branch);
    }

    private void StartChild(Token token, SubworkflowStep step)
    {
        var input = new Dictionary<string, JsonNode?>();
        foreach (var (childVariable, source) in step.Input)
        {
            var value = source is string parentVariable
                ? state.Variables.GetValueOrDefault(parentVariable)?.DeepClone()
                : JsonValue.Create(source);
            if (value is not null) input[childVariable] = value;
        }
        var childId = NewId();
        effects.Add(new ChildStarted(childId, token.Id, step.Id, step.Workflow, input, step.Wait));
        History("subworkflow-started", step.Id, step.Workflow);
        if (step.Wait) Wait(token, childId);
        else Complete(token, "started");
    }

    private (DateTimeOffset? DueAt, List<TimerScheduled> Timers) PlanDeadline(Token token, StepDefinition step, Deadline? deadline)
    {
        if (deadline is null) return (null, []);
        var from = deadline.DueFrom is { } variable ? DateVariable(variable, step.Id) : now;
        var dueAt = deadline.Due.AddTo(from);
        var timers = new List<TimerScheduled> { new(NewId(), token.Id, step.Id, TimerPurpose.Due, 0, dueAt) };
        for (var i = 0; i < deadline.Remind.Count; i++)
            timers.Add(new(NewId(), token.Id, step.Id, TimerPurpose.Reminder, i, deadline.Remind[i].AddTo(dueAt)));
        for (var i = 0; i < deadline.Escalate.Count; i++)
            timers.Add(new(NewId(), token.Id, step.Id, TimerPurpose.Escalation, i, deadline.Escalate[i].After.AddTo(dueAt)));
        return (dueAt, timers);
    }

    /// <summary>The query with its country read now. An unset country variable is not a fault here: an organisation
    /// assigned to the role by hand makes the query unnecessary, and the host says what to do otherwise.</summary>
    private PartnerSearch? Search(PartnerQuery? query) => query is null ? null : PartnerSearch.For(query, state.Variables);

    private DateTimeOffset DateVariable(string name, string stepId) =>
        state.Variables.GetValueOrDefault(name) is { } node
            ? VariableValues.AsInstant(node)
            : throw new InvalidOperationException(
                $"step '{stepId}' needs the date '{name}', which has no value yet; set it in an earlier step, then retry");
}
