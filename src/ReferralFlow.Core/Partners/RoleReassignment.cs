using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Acting;
using ReferralFlow.Core.Consent;
using ReferralFlow.Core.Definitions;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Core.Runtime;

namespace ReferralFlow.Core.Partners;

/// <summary>
/// <c>partners assign</c> as one transaction (issue 9 §2): the role is given to the organisation and every open request
/// to that role — in the referral and the referrals started from it — follows: cancelled for the organisation that had
/// it (which is told, if the request had reached it, and whose reply links stop working), and sent to the new one
/// through the consent gate, with history saying who moved it from where to where.
/// </summary>
public static class RoleReassignment
{
    public const string HistoryKind = "handoff-reassigned";

    public static Task<AssignResult> AssignAsync(Func<ReferralFlowDb> openDb, WorkflowLibrary library, TimeProvider clock,
        Guid referralId, string role, string organisationReference, Actor actor, CancellationToken ct = default) =>
        Transactions.RunAsync(openDb, actor, unit => AssignAsync(unit.Db, library, clock, referralId, role, organisationReference, actor, ct), ct);

    private static async Task<AssignResult> AssignAsync(ReferralFlowDb db, WorkflowLibrary library, TimeProvider clock,
        Guid referralId, string role, string organisationReference, Actor actor, CancellationToken ct)
    {
        // Who each open request to the role is with, before the assignment changes the answer.
        var referrals = await ConsentCoverage.DescendantsAsync(db, referralId, ct);
        var candidates = await db.HandOffs.Where(h => referrals.Contains(h.ReferralId) && h.Partner == role && h.AnsweredAt == null)
            .OrderBy(h => h.CreatedAt).ToListAsync(ct);
        var open = new List<(HandOff HandOff, Organisation From)>();
        foreach (var handOff in candidates.Where(h => h.IsOpen))
            if (await HandOffAddressee.OrganisationAsync(db, handOff, ct) is { } from) open.Add((handOff, from));

        var assigned = await PartnerAssignments.AssignAsync(db, library, referralId, role, organisationReference, actor.Name, clock.GetUtcNow(), ct);

        var unit = new RuntimeUnit(db, library, clock, actor);
        foreach (var (handOff, from) in open)
        {
            var to = await PartnerAssignments.OrganisationForAsync(db, handOff.ReferralId, role, ct);
            // A child referral with its own assignment keeps it; a request already forwarded to the new organisation stays.
            if (to is null || to.Id == from.Id) continue;
            var referral = await db.Referrals.SingleAsync(r => r.Id == handOff.ReferralId, ct);
            if (referral.Status != ReferralStatus.Active) continue;
            await unit.RedirectAsync(referral, handOff, new RequestMove(from, to, null, AddressedToOrganisation: false,
                HandOffChanges.Reassigned, HistoryKind,
                $"'{handOff.Request}' reassigned from {from.Name} ({from.Key}) to {to.Name} ({to.Key}) by {actor.Name}: " +
                $"the '{role}' role was given to {to.Key}", TellFrom: true), ct);
        }
        await unit.FlushAsync(ct);
        return assigned;
    }
}
