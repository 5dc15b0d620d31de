using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Acting;
using ReferralFlow.Core.Consent;
using ReferralFlow.Core.Definitions;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Core.Runtime;

namespace ReferralFlow.Core.Partners;

/// <summary>An open request that followed the role: from where to where, and whether the organisation it left was told
/// (only one the request had reached is).</summary>
public sealed record MovedRequest(string CaseCode, string StepId, string Request, Organisation From, Organisation To, bool FromTold);

/// <summary>The assignment and the open requests that moved with it.</summary>
public sealed record Reassignment(AssignResult Assigned, IReadOnlyList<MovedRequest> Moved);

/// <summary>
/// <c>partners assign</c> as one transaction (issue 9 §2): the role is given to the organisation and every open request
/// to that role — in the referral and the referrals started from it — follows: cancelled for the organisation that had
/// it (which is told, if the request had reached it, and whose reply links stop working), and sent to the new one
/// through the consent gate, with history saying who moved it from where to where.
/// </summary>
public static class RoleReassignment
{
    public const string HistoryKind = "handoff-reassigned";

    public static Task<Reassignment> AssignAsync(Func<ReferralFlowDb> openDb, WorkflowLibrary library, TimeProvider clock,
        Guid referralId, string role, string organisationReference, Actor actor, CancellationToken ct = default) =>
        Transactions.RunAsync(openDb, actor, unit => AssignAsync(unit.Db, library, clock, referralId, role, organisationReference, actor, ct), ct);

    private static async Task<Reassignment> AssignAsync(ReferralFlowDb db, WorkflowLibrary library, TimeProvider clock,
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
        var moved = new List<MovedRequest>();
        foreach (var (handOff, from) in open)
        {
            var to = await PartnerAssignments.OrganisationForAsync(db, handOff.ReferralId, role, ct);
            // A child referral with its own assignment keeps it; a request already forwarded to the new organisation stays.
            if (to is null || to.Id == from.Id) continue;
            var referral = await db.Referrals.SingleAsync(r => r.Id == handOff.ReferralId, ct);
            if (referral.Status != ReferralStatus.Active) continue;
            var told = await unit.RedirectAsync(referral, handOff, new RequestMove(from, to, null, AddressedToOrganisation: false,
                HandOffChanges.Reassigned, HistoryKind,
                $"'{handOff.Request}' reassigned from {from.Name} ({from.Key}) to {to.Name} ({to.Key}) by {actor.Name}: " +
                $"the '{role}' role was given to {to.Key}", TellFrom: true), ct);
            moved.Add(new MovedRequest(referral.CaseCode, handOff.StepId, handOff.Request, from, to, told));
        }
        await unit.FlushAsync(ct);
        return new Reassignment(assigned, moved);
    }
}
