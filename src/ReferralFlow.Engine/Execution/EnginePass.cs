using ReferralFlow.Engine.Definitions;

namespace ReferralFlow.Engine.Execution;

/// <summary>One pass of the engine over one instance: the effects and history it produces, in order.</summary>
internal sealed partial class EnginePass(WorkflowDefinition definition, InstanceState state, TimeProvider clock)
{
    // A pass that runs this many steps without waiting is looping; validation should have refused it.
    private const int MaxStepsPerPass = 10_000;

    private readonly List<EngineEffect> effects = [];
    private readonly List<HistoryEvent> history = [];
    private readonly DateTimeOffset now = clock.GetUtcNow();
    private bool closed;

    // Who withdrew the referral in this pass: the hand-offs it cancels are attributed to them.
    private string? withdrawnBy;

    private int stepsRun;

    public ExecutionResult Result() => new(state, effects, history) { StepsRun = stepsRun };

    public void History(string kind, string? stepId, string? detail, string? actor = null) =>
        history.Add(new HistoryEvent(now, kind, stepId, detail, actor));

    public Token AddToken(string stepId, Guid? frameId, string? branch)
    {
        var token = new Token { Id = NewId(), StepId = stepId, Status = TokenStatus.Ready, FrameId = frameId, Branch = branch };
        state.Tokens.Add(token);
        return token;
    }

    public ExecutionResult RunToWait()
    {
        var steps = 0;
        while (!closed && state.Tokens.FirstOrDefault(t => t.Status == TokenStatus.Ready) is { } token)
        {
            if (++steps > MaxStepsPerPass)
            {
                Fault(token, $"more than {MaxStepsPerPass} steps ran without waiting; the procedure loops");
                continue;
            }
            Execute(token);
        }
        return Result();
    }

    /// <summary>
    /// Runs one ready step. Each step computes everything that can fail before it changes the state, so a
    /// failure leaves the token where it was, as an incident, with the effects of the step discarded.
    /// </summary>
    private void Execute(Token token)
    {
        var effectMark = effects.Count;
        var historyMark = history.Count;
        var step = definition.Step(token.StepId);
        stepsRun++;
        try
        {
            switch (step)
            {
                case TaskStep s: OpenTask(token, s); break;
                case PartnerRequestStep s: OpenHandOff(token, s); break;
                case NotifyStep s: Notify(token, s); break;
                case WaitStep s: StartWait(token, s); break;
                case DecisionStep s: Decide(token, s); break;
                case ParallelStep s: Fork(token, s); break;
                case SubworkflowStep s: StartChild(token, s); break;
                case EndStep s: CloseReferral(s.Id, s.Outcome, withdrawn: false); break;
                default: throw new InvalidOperationException($"Step type '{step.Type}' has no executor.");
            }
        }
        catch (Exception e) when (e is InvalidOperationException or Conditions.ConditionEvaluationException or FormatException)
        {
            effects.RemoveRange(effectMark, effects.Count - effectMark);
            history.RemoveRange(historyMark, history.Count - historyMark);
            Fault(token, e.Message);
        }
    }

    private void Fault(Token token, string message)
    {
        token.Status = TokenStatus.Faulted;
        effects.Add(new IncidentRaised(token.Id, token.StepId, message));
        History("incident", token.StepId, message);
    }

    private Guid NewId() => Guid.CreateVersion7(now);

    private void Wait(Token token, Guid bookmarkId)
    {
        token.Status = TokenStatus.Waiting;
        token.BookmarkId = bookmarkId;
    }
}
