using ReferralFlow.Core.Acting;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Audit;
using ReferralFlow.Core.Definitions;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.History;
using ReferralFlow.Core.Mail;
using ReferralFlow.Core.Outbox;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Core.Runtime;
using ReferralFlow.Engine.Definitions;
using ReferralFlow.Engine.Execution;

namespace ReferralFlow.Core.Consent;

/// <summary>What a withdrawal did: the requests it cancelled (as incidents to act on) and whether the recipient is told.</summary>
public sealed record WithdrawnConsent(Guid Id, string CaseCode, string Organisation, string Purpose, int Cancelled, bool Notified);

/// <summary>
/// Withdraws a consent (REQ-29: it stops outbound sharing for that scope), in one transaction: audited and in the
/// history; every open request to that organisation for that purpose that no other consent still covers is
/// cancelled, in the referral and the referrals started from it; and the organisation gets the consent-withdrawn
/// notice. A cancelled request leaves its step faulted with an incident that says why, so a coordinator decides:
/// retrying asks again (the gate then holds the request until a new consent is recorded), or the referral is
/// withdrawn or re-routed. Requests the gate still holds are left held: nothing was sent.
/// </summary>
public static class ConsentWithdrawal
{
    public const string NoticeStep = "consent";

    public static Task<WithdrawnConsent> WithdrawAsync(Func<ReferralFlowDb> openDb, WorkflowLibrary library, TimeProvider clock,
        Guid consentId, string reason, Actor actor, CancellationToken ct = default) =>
        Transactions.RunAsync(openDb, actor, unit => WithdrawAsync(unit.Db, library, clock, consentId, reason, actor, ct), ct);

    private static async Task<WithdrawnConsent> WithdrawAsync(ReferralFlowDb db, WorkflowLibrary library, TimeProvider clock,
        Guid consentId, string reason, Actor actor, CancellationToken ct)
    {
        var problems = new List<string>();
        ConsentInputs.Word(problems, "reason", reason, WithdrawalReasons.All);
        if (problems.Count > 0) throw new ReferralFlowException(ConsentInputs.Sentence($"Consent not withdrawn: {problems[0]}"));
        var consent = await db.Consents.SingleOrDefaultAsync(c => c.Id == consentId, ct)
            ?? throw new ReferralFlowException($"No consent {consentId}; list a referral's consents with 'referralflow consent list REFERRAL'.");
        var now = clock.GetUtcNow();
        var referral = await db.Referrals.SingleAsync(r => r.Id == consent.ReferralId, ct);
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == consent.OrganisationId, ct);
        var recipient = ConsentCoverage.Describe(organisation);

        consent.Withdraw(reason, now, actor.Name);
        var summary = $"{consent.Purpose} to {organisation.Key}: {reason}";
        AuditTrail.Record(db, actor, "consent.withdrawn", referral.Id, $"consent {consent.Id}", now, summary);
        // Saved before asking what else still covers the recipient, so the withdrawn consent no longer counts.
        await db.SaveChangesAsync(ct);

        var unit = new RuntimeUnit(db, library, clock, actor);
        var cancelled = 0;
        string? noticeStep = null;
        foreach (var id in await ConsentCoverage.DescendantsAsync(db, referral.Id, ct))
        {
            var (count, step) = await CancelRequestsAsync(db, library, unit, id, consent, recipient, reason, actor, now, ct);
            cancelled += count;
            noticeStep ??= step;
        }

        var role = await RoleOfAsync(db, referral.Id, organisation.Id, ct);
        if (role is not null)
            db.OutboxMessages.Add(new OutboxMessage
            {
                Id = Guid.CreateVersion7(now), ReferralId = referral.Id, StepId = noticeStep ?? NoticeStep, Kind = OutboxKinds.Notice,
                Recipient = role, Template = TemplateNames.ConsentWithdrawn, PayloadJson = "{}", CreatedAt = now, NextAttemptAt = now,
            });
        db.History.Add(new HistoryEntry
        {
            ReferralId = referral.Id, At = now, Kind = "consent-withdrawn", Actor = actor.Name,
            Detail = $"{summary}; {cancelled} open request(s) cancelled" +
                (role is null ? "; no notice: the organisation plays no role in this referral" : $"; consent-withdrawn notice queued to the '{role}'"),
        });
        referral.Touch();
        await unit.FlushAsync(ct);
        return new WithdrawnConsent(consent.Id, referral.CaseCode, recipient, consent.Purpose, cancelled, role is not null);
    }

    /// <summary>Cancels the referral's open requests the withdrawal uncovers, faulting their steps; returns how many
    /// and the first one's step.</summary>
    private static async Task<(int, string?)> CancelRequestsAsync(ReferralFlowDb db, WorkflowLibrary library, RuntimeUnit unit,
        Guid referralId, ConsentRecord consent, string recipient, string reason, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        var referral = await db.Referrals.SingleAsync(r => r.Id == referralId, ct);
        if (referral.Status != ReferralStatus.Active) return (0, null);
        var handOffs = await db.HandOffs.AsNoTracking().Where(h => h.ReferralId == referralId).ToListAsync(ct);
        var held = await db.HeldRequests.AsNoTracking()
            .Where(h => h.ReferralId == referralId && h.Status == HeldRequestStatus.Held).Select(h => h.HandOffId).ToListAsync(ct);
        var definition = await library.GetAsync(db, referral.WorkflowId, referral.WorkflowVersion, ct);
        var state = InstanceState.Deserialize(referral.StateJson);
        var effects = new List<EngineEffect>();
        var history = new List<HistoryEvent>();
        foreach (var handOff in handOffs.Where(h => h.IsOpen && !held.Contains(h.Id)).OrderBy(h => h.CreatedAt))
        {
            if (definition.Step(handOff.StepId) is not PartnerRequestStep step || step.ConsentPurpose != consent.Purpose) continue;
            if ((await HandOffAddressee.OrganisationAsync(db, handOff, ct))?.Id != consent.OrganisationId) continue;
            if (await ConsentCoverage.ValidAsync(db, referralId, consent.OrganisationId, consent.Purpose, now, step.ConsentNeeds, ct) is not null) continue;
            if (state.FindByBookmark(handOff.Id) is not { } token) continue;

            var message = $"consent for '{consent.Purpose}' to {recipient} was withdrawn ({reason}): the request '{handOff.Request}' " +
                $"was cancelled and the organisation told. Record a new consent and retry the step ('referralflow referrals retry " +
                $"{referral.CaseCode}'; the request waits for the consent), or withdraw or re-route the referral.";
            token.Status = TokenStatus.Faulted;
            effects.Add(new HandOffClosed(handOff.Id, Closure.Cancelled, null, actor.Name, null));
            effects.Add(new TimersCancelled(token.Id));
            effects.Add(new IncidentRaised(token.Id, step.Id, message));
            history.Add(new HistoryEvent(now, "handoff-cancelled", step.Id, $"{step.Partner}: consent withdrawn", actor.Name));
            history.Add(new HistoryEvent(now, "incident", step.Id, message));
        }
        if (effects.Count == 0) return (0, null);
        await unit.ApplyDecidedAsync(referral, new ExecutionResult(state, effects, history), ct);
        return (effects.OfType<HandOffClosed>().Count(), effects.OfType<IncidentRaised>().First().StepId);
    }

    /// <summary>The partner role the organisation plays in the referral or the ones it was started from: the notice is
    /// addressed to the role, as every message is.</summary>
    private static async Task<string?> RoleOfAsync(ReferralFlowDb db, Guid referralId, Guid organisationId, CancellationToken ct)
    {
        foreach (var id in await ReferralChain.OfAsync(db, referralId, ct))
        {
            var role = await db.PartnerAssignments.AsNoTracking().Where(a => a.ReferralId == id && a.OrganisationId == organisationId)
                .OrderBy(a => a.Role).Select(a => a.Role).FirstOrDefaultAsync(ct);
            if (role is not null) return role;
        }
        return null;
    }
}
