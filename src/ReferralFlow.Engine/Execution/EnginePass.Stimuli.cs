using System.Text.Json.Nodes;
using ReferralFlow.Engine.Definitions;

namespace ReferralFlow.Engine.Execution;

internal sealed partial class EnginePass
{
    public bool CompleteTask(CompleteTask stimulus)
    {
        var token = state.FindByBookmark(stimulus.TaskId) is { } t && definition.Step(t.StepId) is TaskStep
            ? t : throw new WorkflowInputException($"Task {stimulus.TaskId} is not open on this referral.");
        var step = (TaskStep)definition.Step(token.StepId);
        RequireOutcome(step, stimulus.Outcome);
        ApplyData(step, step.Sets, stimulus.Data);
        effects.Add(new TaskClosed(stimulus.TaskId, Closure.Completed, stimulus.Outcome, stimulus.Actor));
        effects.Add(new TimersCancelled(token.Id));
        History("task-completed", step.Id, stimulus.Outcome, stimulus.Actor);
        Complete(token, stimulus.Outcome);
        return true;
    }

    public bool AnswerHandOff(AnswerHandOff stimulus)
    {
        var token = state.FindByBookmark(stimulus.HandOffId) is { } t && definition.Step(t.StepId) is PartnerRequestStep
            ? t : throw new WorkflowInputException($"Hand-off {stimulus.HandOffId} is not awaiting an answer.");
        var step = (PartnerRequestStep)definition.Step(token.StepId);
        RequireOutcome(step, stimulus.Outcome);
        ApplyData(step, step.Sets, stimulus.Data);
        effects.Add(new HandOffClosed(stimulus.HandOffId, Closure.Completed, stimulus.Outcome, stimulus.Actor, stimulus.Channel));
        effects.Add(new TimersCancelled(token.Id));
        History("handoff-answered", step.Id, $"{stimulus.Outcome} ({stimulus.Channel})", stimulus.Actor);
        Complete(token, stimulus.Outcome);
        return true;
    }

    public bool FireTimer(FireTimer stimulus)
    {
        if (state.Find(stimulus.TokenId) is not { Status: TokenStatus.Waiting } token) return false;
        var step = definition.Step(token.StepId);
        switch (stimulus.Purpose)
        {
            case TimerPurpose.Wait when token.BookmarkId == stimulus.TimerId:
                History("wait-elapsed", step.Id, null, "timer");
                Complete(token, "done");
                return true;
            case TimerPurpose.Due:
                History("deadline-missed", step.Id, null, "timer");
                return true;
            case TimerPurpose.Reminder:
                effects.Add(Message(token, step, MessageKind.Reminder, PrimaryRecipient(step), "reminder"));
                History("reminder", step.Id, PrimaryRecipient(step), "timer");
                return true;
            case TimerPurpose.Escalation when DeadlineOf(step)?.Escalate.ElementAtOrDefault(stimulus.Rung) is { } rung:
                Escalate(token, step, rung);
                return true;
            default:
                return false;
        }
    }

    public bool ChildClosed(ChildClosed stimulus)
    {
        if (state.FindByBookmark(stimulus.ChildReferralId) is not { } token) return false;
        var step = definition.Step(token.StepId);
        History("subworkflow-completed", step.Id, stimulus.Outcome);
        if (!step.Outcomes.Contains(stimulus.Outcome))
            Fault(token, $"the subworkflow of step '{step.Id}' ended with '{stimulus.Outcome}', which the step does not route; add it to its outcomes");
        else
            Complete(token, stimulus.Outcome);
        return true;
    }

    public bool Withdraw(Withdraw stimulus)
    {
        withdrawnBy = stimulus.Actor;
        CloseReferral(null, "withdrawn", withdrawn: true);
        history[^1] = history[^1] with { Actor = stimulus.Actor };
        return true;
    }

    public bool Retry(RetryIncidents stimulus)
    {
        var faulted = state.Tokens.Where(t => t.Status == TokenStatus.Faulted).ToList();
        if (faulted.Count == 0) throw new WorkflowInputException("This referral has no open incident to retry.");
        faulted.ForEach(t => t.Status = TokenStatus.Ready);
        effects.Add(new IncidentsResolved([.. faulted.Select(t => t.Id)]));
        foreach (var token in faulted) History("incident-retried", token.StepId, null, stimulus.Actor);
        return true;
    }

    private void Escalate(Token token, StepDefinition step, EscalationRung rung)
    {
        if (!rung.IsOutcome)
        {
            effects.Add(Message(token, step, MessageKind.Escalation, rung.To, "escalation"));
            History("escalated", step.Id, rung.To, "timer");
            return;
        }
        var bookmark = token.BookmarkId!.Value;
        effects.Add(step is TaskStep
            ? new TaskClosed(bookmark, Closure.Expired, rung.To, "timer")
            : new HandOffClosed(bookmark, Closure.Expired, rung.To, "timer", null));
        effects.Add(new TimersCancelled(token.Id));
        History("timed-out", step.Id, rung.To, "timer");
        Complete(token, rung.To);
    }

    private static MessageQueued Message(Token token, StepDefinition step, MessageKind kind, string recipient, string template) =>
        step is PartnerRequestStep
            ? new MessageQueued(step.Id, kind, recipient, template, token.BookmarkId, null)
            : new MessageQueued(step.Id, kind, recipient, template, null, token.BookmarkId);

    private static string PrimaryRecipient(StepDefinition step) => step switch
    {
        TaskStep t => t.Role,
        PartnerRequestStep p => p.Partner,
        _ => "coordinator",
    };

    private static Deadline? DeadlineOf(StepDefinition step) => step switch
    {
        TaskStep t => t.Deadline,
        PartnerRequestStep p => p.Deadline,
        _ => null,
    };

    private static void RequireOutcome(StepDefinition step, string outcome)
    {
        if (!step.Outcomes.Contains(outcome))
            throw new WorkflowInputException(
                $"'{outcome}' is not an outcome of step '{step.Id}'; choose one of: {string.Join(", ", step.Outcomes)}.");
    }

    /// <summary>Validates every submitted value before setting any, so bad data changes nothing.</summary>
    private void ApplyData(StepDefinition step, IReadOnlyList<string> sets, IReadOnlyDictionary<string, JsonNode?> data)
    {
        var normalized = new Dictionary<string, JsonNode?>();
        foreach (var (name, value) in data)
        {
            if (!sets.Contains(name))
                throw new WorkflowInputException(sets.Count == 0
                    ? $"Step '{step.Id}' takes no data, but '{name}' was given; remove it."
                    : $"Step '{step.Id}' cannot set '{name}'; it sets: {string.Join(", ", sets)}.");
            normalized[name] = VariableValues.Normalize(name, definition.Variables[name], value);
        }
        foreach (var (name, value) in normalized) state.Variables[name] = value;
    }
}
