using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.History;
using ReferralFlow.Core.Incidents;
using ReferralFlow.Core.Outbox;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Core.Tasks;
using ReferralFlow.Core.Timers;
using ReferralFlow.Engine.Execution;

namespace ReferralFlow.Core.Runtime;

internal sealed partial class RuntimeUnit
{
    private async Task ApplyAsync(Referral referral, ExecutionResult result, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        touchedReferrals.Add(referral.Id);
        // First, so that the consent gate reads the variables this pass set (e.g. person.isChild).
        referral.StateJson = result.State.Serialize();
        foreach (var cancelled in result.Effects.OfType<TimersCancelled>()) cancelledTokens.Add(cancelled.TokenId);
        foreach (var effect in result.Effects)
            await ApplyAsync(referral, effect, now, ct);
        foreach (var entry in result.History)
            history.Add(new HistoryEntry
            {
                ReferralId = referral.Id, At = entry.At, Kind = entry.Kind,
                StepId = entry.StepId, Detail = entry.Detail, Actor = entry.Actor,
            });
        referral.Touch();
    }

    /// <summary>Effects decided outside the engine on its state (a consent withdrawal cancelling a request), applied as
    /// the engine's own.</summary>
    internal Task ApplyDecidedAsync(Referral referral, ExecutionResult result, CancellationToken ct) => ApplyAsync(referral, result, ct);

    private async Task ApplyAsync(Referral referral, EngineEffect effect, DateTimeOffset now, CancellationToken ct)
    {
        switch (effect)
        {
            case TaskOpened e:
                db.Tasks.Add(new WorkTask
                {
                    Id = e.TaskId, ReferralId = referral.Id, TokenId = e.TokenId, StepId = e.StepId, Title = e.Title,
                    Role = e.Role, Form = e.Form, Outcomes = e.Outcomes, CreatedAt = now, DueAt = e.DueAt,
                });
                break;
            case TaskClosed e:
                var task = await db.Tasks.FindAsync([e.TaskId], ct) ?? throw Missing("task", e.TaskId);
                if (e.Closure == Closure.Completed) task.Complete(e.Outcome!, now, e.Actor ?? "system");
                else if (e.Closure == Closure.Expired) task.Expire(e.Outcome!, now);
                else task.Cancel(now);
                break;
            case HandOffRequested e:
                var requested = new HandOff
                {
                    Id = e.HandOffId, ReferralId = referral.Id, TokenId = e.TokenId, StepId = e.StepId, Title = e.Title,
                    Partner = e.Partner, Request = e.Request, Outcomes = e.Outcomes, CreatedAt = now, DueAt = e.DueAt,
                };
                db.HandOffs.Add(requested);
                await FindPartnerAsync(referral, e, now, ct);
                handOffEvents.Add(HandOffAttribution.System.Record(requested, HandOffChanges.Requested, now));
                break;
            case HandOffClosed e:
                var handOff = await db.HandOffs.FindAsync([e.HandOffId], ct) ?? throw Missing("hand-off", e.HandOffId);
                var channel = e.Channel ?? HandOffChannels.Email;
                if (e.Closure == Closure.Completed) handOff.Answer(e.Outcome!, HandOffAnswers.StatusFor(e.Outcome!), now, channel, e.Actor);
                else if (e.Closure == Closure.Expired) handOff.Expire(e.Outcome!, now);
                else handOff.Cancel(now);
                await Gate.HandOffClosedAsync(e.HandOffId, now, ct);
                handOffEvents.Add(e.Closure switch
                {
                    Closure.Completed => actor.Attribution(channel).Record(handOff, HandOffChanges.Answered, now),
                    Closure.Expired => HandOffAttribution.Timer.Record(handOff, HandOffChanges.Expired, now),
                    // Cancelled by the procedure itself (a branch, a cascade), or by whoever withdrew the referral.
                    _ => (e.Actor is null or "system" ? HandOffAttribution.System : actor.Attribution(null))
                        .Record(handOff, HandOffChanges.Cancelled, now),
                });
                break;
            case TimerScheduled e:
                timers.Add(new DurableTimer
                {
                    Id = e.TimerId, ReferralId = referral.Id, TokenId = e.TokenId, StepId = e.StepId,
                    Purpose = e.Purpose, Rung = e.Rung, DueAt = e.DueAt,
                });
                break;
            case MessageQueued e:
                if (await HeldAsCannotHelpAsync(referral, e, now, ct) || await Gate.HoldsAsync(referral, e, now, ct)) break;
                var message = new OutboxMessage
                {
                    Id = Guid.CreateVersion7(now), ReferralId = referral.Id, StepId = e.StepId,
                    Kind = e.Kind.ToString().ToLowerInvariant(), Recipient = e.Recipient, Template = e.Template,
                    HandOffId = e.HandOffId, PayloadJson = JsonSerializer.Serialize(new { taskId = e.TaskId }),
                    CreatedAt = now, NextAttemptAt = now,
                };
                HoldUnaddressed(referral, message, now);
                outbox.Add(message);
                break;
            case ChildStarted e:
                var child = await library.LatestAsync(db, e.WorkflowId, ct);
                await StartInstanceAsync(child, e.Input, "system", (referral.Id, e.TokenId, e.ChildReferralId, e.StepId), ct);
                break;
            case ChildCancelled e:
                followUps.Enqueue((e.ChildReferralId, new Withdraw("system")));
                break;
            case ReferralClosed e:
                if (e.Withdrawn) referral.Withdraw(now); else referral.Close(e.Outcome, now);
                // The engine closed its own tasks; those of the case wait on no step.
                await CaseEvents.CaseTasks.CancelOpenAsync(db, actor, referral.Id, null, now, "the referral closed", ct);
                if (referral.ParentReferralId is { } parentId)
                    followUps.Enqueue((parentId, new ChildClosed(referral.Id, e.Outcome)));
                break;
            case IncidentRaised e:
                db.Incidents.Add(new Incident
                {
                    Id = Guid.CreateVersion7(now), ReferralId = referral.Id, TokenId = e.TokenId,
                    StepId = e.StepId, Message = Corridor.CorridorFacts.Explain(e.Message, referral), RaisedAt = now,
                });
                referral.IncidentRaised();
                break;
            case IncidentsResolved e:
                var open = await db.Incidents.Where(i => i.ReferralId == referral.Id && e.TokenIds.Contains(i.TokenId) && i.ResolvedAt == null).ToListAsync(ct);
                foreach (var incident in open)
                {
                    incident.Resolve(now);
                    referral.IncidentResolved();
                }
                break;
        }
    }

    private static InvalidOperationException Missing(string what, Guid id) =>
        new($"The {what} {id} named by the engine is missing from the database.");
}
