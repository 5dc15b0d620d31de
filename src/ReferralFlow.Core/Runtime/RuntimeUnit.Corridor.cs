using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Audit;
using ReferralFlow.Core.Corridor;
using ReferralFlow.Core.History;
using ReferralFlow.Core.Outbox;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Engine.Definitions;
using ReferralFlow.Engine.Execution;

namespace ReferralFlow.Core.Runtime;

internal sealed partial class RuntimeUnit
{
    /// <summary>
    /// The corridor changes (<see cref="CorridorChange"/>): history and audit name who changed what, the procedure's
    /// corridor facts follow, and what waited on them runs again: a directory query whose country is the origin asks the
    /// directory again, and a decision whose condition reads a corridor fact is retried.
    /// </summary>
    public async Task<CorridorChanged> ChangeCorridorAsync(Guid referralId, CorridorChangeInput input, CancellationToken ct)
    {
        var referral = await db.Referrals.FindAsync([referralId], ct)
            ?? throw new ReferralFlowException($"No referral {referralId}; list them with 'referralflow referrals list'.");
        var from = CorridorRoute.Of(referral);
        var to = CorridorChange.Apply(from, input);
        var now = clock.GetUtcNow();
        referral.ChangeCorridor(to.Origin, to.Transit, to.Destination);
        touchedReferrals.Add(referral.Id);
        history.Add(new HistoryEntry
        {
            ReferralId = referral.Id, At = now, Kind = CorridorChange.HistoryKind, Actor = actor.Name,
            Detail = $"corridor: {from} changed to {to}",
        });
        AuditTrail.Record(db, actor, CorridorChange.AuditAction, referral.Id, $"referral {referral.Id}", now, $"{from} changed to {to}");

        var definition = await library.GetAsync(db, referral.WorkflowId, referral.WorkflowVersion, ct);
        var state = InstanceState.Deserialize(referral.StateJson);
        CorridorFacts.Apply(definition, state.Variables, to.Origin, to.Destination);
        referral.StateJson = state.Serialize();

        var retried = 0;
        foreach (var message in await DeadRequestsAsync(referral.Id, ct))
            if (definition.Step(message.StepId) is PartnerRequestStep step && CorridorFacts.ReadBy(step)
                && await RefindAsync(referral, message, step, state, now, ct))
                retried++;
        var waiting = state.Tokens.Where(t => t.Status == TokenStatus.Faulted && CorridorFacts.ReadBy(definition.Step(t.StepId))).ToList();
        if (waiting.Count > 0)
        {
            await RunAsync(referral, new RetryIncidents(actor.Name), ct);
            retried += waiting.Count;
        }
        await DrainAsync(ct);
        return new CorridorChanged(referral.Id, referral.CaseCode, from, to, retried);
    }

    /// <summary>Requests given up with an open incident: their partner could not be found or addressed.</summary>
    private async Task<List<OutboxMessage>> DeadRequestsAsync(Guid referralId, CancellationToken ct)
    {
        var incidents = db.Incidents.Where(i => i.ReferralId == referralId && i.ResolvedAt == null).Select(i => i.TokenId);
        return await db.OutboxMessages
            .Where(m => m.ReferralId == referralId && m.Status == OutboxStatus.Dead && m.Kind == OutboxKinds.Request && incidents.Contains(m.Id))
            .OrderBy(m => m.CreatedAt).ToListAsync(ct);
    }

    /// <summary>
    /// A request given up because its directory query found nobody: when nobody plays its partner yet, the query asks
    /// the directory again with the variables as they are now. Found (or assigned by hand since), the request is queued
    /// again and its incident resolved; still nobody, it stays given up, its incident saying why as of now.
    /// </summary>
    private async Task<bool> RefindAsync(Referral referral, OutboxMessage message, PartnerRequestStep step, InstanceState state,
        DateTimeOffset now, CancellationToken ct)
    {
        var incidents = await db.Incidents.Where(i => i.ReferralId == referral.Id && i.TokenId == message.Id && i.ResolvedAt == null).ToListAsync(ct);
        var reason = step.Find is { } find && await Partners.PartnerAssignments.OrganisationForAsync(db, referral.Id, step.Partner, ct) is null
            ? await SearchDirectoryAsync(referral, step.Id, step.Partner, PartnerSearch.For(find, state.Variables), now, ct)
            : null;
        if (reason is not null && incidents.All(i => i.Message == reason))
        {
            incidents.ForEach(i => i.RecordRetry());
            return false;
        }
        foreach (var incident in incidents)
        {
            incident.Resolve(now);
            referral.IncidentResolved();
        }
        message.Requeue(now);
        if (reason is not null)
        {
            // Still nobody, for another reason (the origin is known now, and nobody serves it): say so.
            message.DeadLetter(reason);
            db.Incidents.Add(new Incidents.Incident
            {
                Id = Guid.CreateVersion7(now), ReferralId = referral.Id, TokenId = message.Id, StepId = message.StepId,
                Message = reason, RaisedAt = now,
            });
            referral.IncidentRaised();
            return false;
        }
        history.Add(new HistoryEntry
        {
            ReferralId = referral.Id, At = now, Kind = "incident-retried", StepId = message.StepId, Actor = actor.Name,
            Detail = $"{message.Kind} '{message.Template}' to '{message.Recipient}' queued again",
        });
        return true;
    }
}
