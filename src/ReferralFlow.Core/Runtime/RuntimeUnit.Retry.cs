using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.History;
using ReferralFlow.Core.Outbox;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Engine.Execution;

namespace ReferralFlow.Core.Runtime;

internal sealed partial class RuntimeUnit
{
    /// <summary>
    /// <c>referrals retry</c>. An incident is either a faulted engine step (its token id is the step's token) or an
    /// outbox message that was dead-lettered (its token id is the message's id: undeliverable, or nobody to address).
    /// Both kinds are retried: the message is queued again with its attempts reset and its incident resolved, and the
    /// faulted steps run again through the engine. With neither, there is nothing to retry.
    /// </summary>
    public async Task RetryAsync(Guid referralId, CancellationToken ct)
    {
        var referral = await db.Referrals.FindAsync([referralId], ct)
            ?? throw new ReferralFlowException($"No referral {referralId}.");
        if (referral.Status != ReferralStatus.Active)
            throw new ReferralFlowException($"Referral {referral.CaseCode} is {referral.Status.ToString().ToLowerInvariant()}; nothing can change on it.");

        var now = clock.GetUtcNow();
        var open = await db.Incidents.Where(i => i.ReferralId == referralId && i.ResolvedAt == null).ToListAsync(ct);
        var tokenIds = open.Select(i => i.TokenId).ToList();
        var dead = await db.OutboxMessages
            .Where(m => m.ReferralId == referralId && tokenIds.Contains(m.Id) && m.Status == OutboxStatus.Dead)
            .ToListAsync(ct);
        var definition = await library.GetAsync(db, referral.WorkflowId, referral.WorkflowVersion, ct);
        var state = InstanceState.Deserialize(referral.StateJson);
        var stillNobody = new List<string>();
        foreach (var message in dead)
        {
            // A request whose directory query found nobody asks the directory again (the place may be known now).
            if (message.Kind == OutboxKinds.Request && definition.Step(message.StepId) is Engine.Definitions.PartnerRequestStep { Find: not null } step)
            {
                if (!await RefindAsync(referral, message, step, state, now, ct))
                    stillNobody.Add(message.LastError ?? $"step '{message.StepId}' still has nobody to ask");
                continue;
            }
            message.Requeue(now);
            foreach (var incident in open.Where(i => i.TokenId == message.Id))
            {
                incident.Resolve(now);
                referral.IncidentResolved();
            }
            history.Add(new HistoryEntry
            {
                ReferralId = referralId, At = now, Kind = "incident-retried", StepId = message.StepId, Actor = actor.Name,
                Detail = $"{message.Kind} '{message.Template}' to '{message.Recipient}' queued again",
            });
        }

        if (state.Tokens.Any(t => t.Status == TokenStatus.Faulted))
        {
            await RunAsync(referral, new RetryIncidents(actor.Name), ct);
            await DrainAsync(ct);
        }
        else if (dead.Count == 0)
            throw new ReferralFlowException($"Referral {referral.CaseCode} has no open incident to retry.");
        else if (stillNobody.Count == dead.Count)
            throw new ReferralFlowException($"Nothing to retry yet on {referral.CaseCode}: {string.Join(" ", stillNobody.Distinct())}");
        else
        {
            touchedReferrals.Add(referral.Id);
            referral.Touch();
        }
    }
}
