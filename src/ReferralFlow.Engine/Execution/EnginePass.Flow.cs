using System.Text.Json.Nodes;
using ReferralFlow.Engine.Definitions;

namespace ReferralFlow.Engine.Execution;

internal sealed partial class EnginePass
{
    /// <summary>Finishes a step with an outcome and follows its transition.</summary>
    private void Complete(Token token, string outcome)
    {
        var step = definition.Step(token.StepId);
        if (step.Count is { } counter)
            state.Variables[counter] = JsonValue.Create((state.Variables.GetValueOrDefault(counter)?.GetValue<decimal>() ?? 0) + 1);
        state.Tokens.Remove(token);
        var target = definition.Target(step.Id, outcome)
            ?? throw new InvalidOperationException($"step '{step.Id}' has no transition for outcome '{outcome}'");
        if (target == Transition.Join) FinishBranch(token);
        else AddToken(target, token.FrameId, token.Branch);
    }

    private void FinishBranch(Token token)
    {
        var frame = state.Frames.FirstOrDefault(f => f.Id == token.FrameId)
            ?? throw new InvalidOperationException($"step '{token.StepId}' joins, but it is not inside a parallel branch");
        var step = (ParallelStep)definition.Step(frame.StepId);
        var parallelToken = state.Find(frame.TokenId)!;
        frame.Finished.Add(token.Branch!);
        History("branch-finished", step.Id, token.Branch);
        if (step.Join == JoinMode.Any)
        {
            CancelFrame(frame);
            Complete(parallelToken, token.Branch!);
        }
        else if (step.Branches.Keys.All(frame.Finished.Contains))
        {
            state.Frames.Remove(frame);
            Complete(parallelToken, "done");
        }
    }

    private void CancelFrame(ParallelFrame frame)
    {
        foreach (var token in state.Tokens.Where(t => t.FrameId == frame.Id).ToList())
            if (state.Tokens.Contains(token)) CancelToken(token);
        state.Frames.Remove(frame);
    }

    /// <summary>Withdraws a branch: closes what it waits on and removes its timers.</summary>
    private void CancelToken(Token token)
    {
        state.Tokens.Remove(token);
        if (token.Status == TokenStatus.Faulted) effects.Add(new IncidentsResolved([token.Id]));
        if (token.Status != TokenStatus.Waiting) return;
        effects.Add(new TimersCancelled(token.Id));
        var bookmark = token.BookmarkId!.Value;
        switch (definition.Step(token.StepId))
        {
            case TaskStep s:
                effects.Add(new TaskClosed(bookmark, Closure.Cancelled, null, null));
                History("task-cancelled", s.Id, null);
                break;
            case PartnerRequestStep s:
                effects.Add(new HandOffClosed(bookmark, Closure.Cancelled, null, withdrawnBy, null));
                History("handoff-cancelled", s.Id, s.Partner);
                break;
            case SubworkflowStep s:
                effects.Add(new ChildCancelled(bookmark));
                History("subworkflow-cancelled", s.Id, s.Workflow);
                break;
            case ParallelStep:
                if (state.Frames.FirstOrDefault(f => f.Id == bookmark) is { } frame) CancelFrame(frame);
                break;
        }
    }

    private void CloseReferral(string? stepId, string outcome, bool withdrawn)
    {
        // Cancelling a parallel step cancels its branches too, so skip tokens already gone.
        foreach (var token in state.Tokens.ToList())
            if (state.Tokens.Contains(token)) CancelToken(token);
        state.Frames.Clear();
        effects.Add(new ReferralClosed(outcome, withdrawn));
        History(withdrawn ? "withdrawn" : "ended", stepId, outcome);
        closed = true;
    }
}
