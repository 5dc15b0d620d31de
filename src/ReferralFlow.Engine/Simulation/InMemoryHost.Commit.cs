using System.Text.Json.Nodes;
using ReferralFlow.Engine.Definitions;
using ReferralFlow.Engine.Execution;

namespace ReferralFlow.Engine.Simulation;

public sealed partial class InMemoryHost
{
    private void StartInstance(Guid id, WorkflowDefinition definition, IReadOnlyDictionary<string, JsonNode?> input,
        Guid? parentId, Guid? parentTokenId)
    {
        var result = runner.Start(definition, input, Coordinator);
        var instance = new HostedInstance
        {
            Id = id, Definition = definition, State = result.State, ParentId = parentId, ParentTokenId = parentTokenId,
        };
        instances.Add(id, instance);
        Commit(instance, result);
    }

    /// <summary>One transaction: the pass runs on a copy of the stored state, so a refused stimulus changes nothing.</summary>
    private void Resume(HostedInstance instance, Stimulus stimulus)
    {
        var working = InstanceState.Deserialize(instance.State.Serialize());
        var result = runner.Resume(instance.Definition, working, stimulus);
        if (!result.Stale) Commit(instance, result);
        Drain();
    }

    private void Drain()
    {
        try
        {
            while (followUps.TryDequeue(out var next)) next();
        }
        catch
        {
            // What the failed follow-up would have led to must not run on the next, unrelated call.
            followUps.Clear();
            throw;
        }
    }

    private void Commit(HostedInstance instance, ExecutionResult result)
    {
        var now = clock.GetUtcNow();
        instance.State = result.State;
        foreach (var effect in result.Effects)
        {
            switch (effect)
            {
                case TaskOpened e:
                    tasks.Add(new HostedTask(e.TaskId, instance.Id, e.TokenId, e.StepId, e.Title, e.Role, e.Form, e.Outcomes, now, e.DueAt));
                    break;
                case TaskClosed e:
                    Replace(tasks, t => t.Id == e.TaskId, t => t with { Closure = e.Closure, Outcome = e.Outcome, ClosedAt = now });
                    break;
                case HandOffRequested e:
                    handOffs.Add(new HostedHandOff(e.HandOffId, instance.Id, e.TokenId, e.StepId, e.Title, e.Partner, e.Request,
                        e.Outcomes, now, e.DueAt));
                    break;
                case HandOffClosed e:
                    Replace(handOffs, h => h.Id == e.HandOffId,
                        h => h with { Closure = e.Closure, Outcome = e.Outcome, Channel = e.Channel, ClosedAt = now });
                    break;
                case TimerScheduled e:
                    timers.Add(new PendingTimer(e.TimerId, instance.Id, e.TokenId, e.StepId, e.Purpose, e.Rung, e.DueAt, timerSequence++));
                    break;
                case TimersCancelled e:
                    timers.RemoveAll(t => t.TokenId == e.TokenId);
                    break;
                case MessageQueued e:
                    messages.Add(new QueuedMessage(instance.Id, e.StepId, e.Kind, e.Recipient, e.Template, e.HandOffId, e.TaskId, now));
                    break;
                case ChildStarted e:
                    followUps.Enqueue(() => StartInstance(e.ChildReferralId, Latest(e.WorkflowId), e.Input, instance.Id, e.TokenId));
                    break;
                case ChildCancelled e:
                    followUps.Enqueue(() => WithdrawChild(e.ChildReferralId));
                    break;
                case ReferralClosed e:
                    instance.Status = e.Withdrawn ? InstanceStatus.Withdrawn : InstanceStatus.Closed;
                    instance.Outcome = e.Outcome;
                    if (instance.ParentId is { } parentId) followUps.Enqueue(() => NotifyParent(parentId, instance));
                    break;
                case IncidentRaised e:
                    incidents.Add(new Incident(instance.Id, e.TokenId, e.StepId, e.Message, now));
                    break;
                case IncidentsResolved e:
                    incidents.RemoveAll(i => i.ReferralId == instance.Id && e.TokenIds.Contains(i.TokenId));
                    break;
                default:
                    throw new InvalidOperationException($"The in-memory host does not know the effect {effect.GetType().Name}.");
            }
        }
        foreach (var entry in result.History)
        {
            instance.History.Add(entry);
            journal.Add(new JournalEntry(instance.Id, instance.WorkflowId, entry));
        }
    }

    private void WithdrawChild(Guid childId)
    {
        if (instances.GetValueOrDefault(childId) is { IsActive: true } child) Resume(child, new Withdraw("parent"));
    }

    private void NotifyParent(Guid parentId, HostedInstance child)
    {
        if (instances.GetValueOrDefault(parentId) is { IsActive: true } parent && parent.State.FindByBookmark(child.Id) is not null)
            Resume(parent, new ChildClosed(child.Id, child.Outcome!));
    }

    private static void Replace<T>(List<T> list, Predicate<T> match, Func<T, T> change)
    {
        var index = list.FindIndex(match);
        if (index >= 0) list[index] = change(list[index]);
    }
}
