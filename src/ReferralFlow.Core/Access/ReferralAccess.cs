using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Consent;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Core.Tasks;
using ReferralFlow.Engine.Definitions;

namespace ReferralFlow.Core.Access;

/// <summary>How an organisation stands to a referral.</summary>
public enum ReferralStanding
{
    /// <summary>Not part of it: the referral does not exist for them (404, never 403, so case codes cannot be probed).</summary>
    None,

    /// <summary>Assigned a role, or addressed by one of its hand-offs: sees the case code and what is asked of it.</summary>
    Partner,

    /// <summary>Started it (the sending organisation): works it and sees everything.</summary>
    Owner,
}

/// <summary>What one staff member may do with one referral.</summary>
public sealed record ReferralGrant(Guid ReferralId, ReferralStanding Standing, bool MaySeePerson, bool MayWork)
{
    public static ReferralGrant Nothing(Guid referralId) => new(referralId, ReferralStanding.None, false, false);

    public bool MaySee => Standing != ReferralStanding.None;
}

/// <summary>
/// The one access rule (DESIGN §7), used by pages, API and queries alike. A referral belongs to the organisation that
/// started it — for a referral started from another (monitoring, a court appearance), to the one that started the
/// first. Its caseworkers work it and read the person's data. An organisation assigned a role or addressed by a hand-off
/// anywhere in the chain sees its case facts; its caseworkers read the person's data only while a <c>share-data</c>
/// consent covers that organisation. Coordinators see case facts of every referral their organisation takes part in,
/// never the person. Administrators manage users and settings and see no referral.
/// </summary>
public static class ReferralAccess
{
    /// <summary>Referrals the organisation takes part in directly: started, assigned a role, or sent a reply link that was
    /// not revoked.</summary>
    public static IQueryable<Guid> TakingPart(ReferralFlowDb db, Guid organisationId) =>
        db.Referrals.Where(r => r.SendingOrganisationId == organisationId).Select(r => r.Id)
            .Union(db.PartnerAssignments.Where(a => a.OrganisationId == organisationId).Select(a => a.ReferralId))
            .Union(
                // A revoked link no longer counts: the request moved to another organisation (reassigned, forwarded)
                // or was cancelled, and the organisation it left has no business in the case any more.
                from token in db.ReplyTokens
                join contact in db.Contacts on token.ContactId equals contact.Id
                join handOff in db.HandOffs on token.HandOffId equals handOff.Id
                where contact.OrganisationId == organisationId && token.RevokedAt == null
                select handOff.ReferralId);

    /// <summary>The referrals the member may see: those their organisation takes part in, and the ones started from
    /// them (two generations: a return's monitoring, a closed case's court appearance and its own sub-procedures).</summary>
    public static IQueryable<Referral> Visible(ReferralFlowDb db, StaffMember member)
    {
        if (!member.SeesReferrals) return db.Referrals.Where(r => false);
        var direct = TakingPart(db, member.OrganisationId);
        return db.Referrals.Where(r => direct.Contains(r.Id)
            || (r.ParentReferralId != null && direct.Contains(r.ParentReferralId.Value))
            || db.Referrals.Any(p => p.Id == r.ParentReferralId && p.ParentReferralId != null && direct.Contains(p.ParentReferralId.Value)));
    }

    /// <summary>The referrals the member's organisation owns: started by it, or started from one it started.</summary>
    public static IQueryable<Referral> Owned(ReferralFlowDb db, StaffMember member)
    {
        if (!member.SeesReferrals) return db.Referrals.Where(r => false);
        var organisation = member.OrganisationId;
        var started = db.Referrals.Where(r => r.SendingOrganisationId == organisation).Select(r => r.Id);
        return db.Referrals.Where(r => r.SendingOrganisationId == organisation
            || (r.SendingOrganisationId == null && r.ParentReferralId != null && started.Contains(r.ParentReferralId.Value))
            || (r.SendingOrganisationId == null && db.Referrals.Any(p => p.Id == r.ParentReferralId && p.SendingOrganisationId == null
                && p.ParentReferralId != null && started.Contains(p.ParentReferralId.Value))));
    }

    /// <summary>The hand-offs the member sees: every one of a referral their organisation owns, and those addressed to
    /// their organisation (its role, or a reply link sent to its contact) elsewhere — what is asked of it, nothing more.</summary>
    public static IQueryable<HandOff> HandOffs(ReferralFlowDb db, StaffMember member)
    {
        if (!member.SeesReferrals) return db.HandOffs.Where(h => false);
        var organisation = member.OrganisationId;
        var owned = Owned(db, member).Select(r => r.Id);
        return db.HandOffs.Where(h => owned.Contains(h.ReferralId)
            || db.PartnerAssignments.Any(a => a.ReferralId == h.ReferralId && a.Role == h.Partner && a.OrganisationId == organisation)
            || db.ReplyTokens.Any(t => t.HandOffId == h.Id && t.RevokedAt == null
                && db.Contacts.Any(c => c.Id == t.ContactId && c.OrganisationId == organisation)));
    }

    public static async Task<ReferralGrant> ForAsync(ReferralFlowDb db, StaffMember member, Guid referralId, DateTimeOffset now,
        CancellationToken ct)
    {
        if (!member.SeesReferrals) return ReferralGrant.Nothing(referralId);
        var chain = await db.Referrals.AnyAsync(r => r.Id == referralId, ct) ? await ReferralChain.OfAsync(db, referralId, ct) : [];
        if (chain.Count == 0) return ReferralGrant.Nothing(referralId);
        if (await OwnerAsync(db, chain, ct) == member.OrganisationId)
            return new ReferralGrant(referralId, ReferralStanding.Owner, member.IsCaseworker, member.IsCaseworker);
        var organisation = member.OrganisationId;
        if (!await TakingPart(db, organisation).AnyAsync(id => chain.Contains(id), ct)) return ReferralGrant.Nothing(referralId);
        var shared = member.IsCaseworker
            && await ConsentCoverage.ValidAsync(db, referralId, organisation, ConsentPurposes.ShareData, now, [], ct) is not null;
        return new ReferralGrant(referralId, ReferralStanding.Partner, shared, member.IsCaseworker);
    }

    /// <summary>The organisation that started the referral's chain, if it was started with one.</summary>
    public static async Task<Guid?> OwnerAsync(ReferralFlowDb db, IReadOnlyList<Guid> chain, CancellationToken ct)
    {
        var senders = await db.Referrals.AsNoTracking().Where(r => chain.Contains(r.Id))
            .Select(r => new { r.Id, r.SendingOrganisationId }).ToListAsync(ct);
        return chain.Select(id => senders.FirstOrDefault(s => s.Id == id)?.SendingOrganisationId).FirstOrDefault(o => o is not null);
    }

    /// <summary>
    /// Whether the member may complete the task: it is actionable by caseworkers of the organisation that plays its role
    /// (an assigned partner role, else the owning organisation for the procedure's own roles); a coordinator's task by
    /// that organisation's coordinators too. A task meant for another organisation's role is never actionable here.
    /// </summary>
    public static async Task<bool> MayActOnAsync(ReferralFlowDb db, StaffMember member, WorkTask task, CancellationToken ct)
    {
        var playing = (await PartnerAssignments.OrganisationForAsync(db, task.ReferralId, task.Role, ct))?.Id
            ?? await OwnerAsync(db, await ReferralChain.OfAsync(db, task.ReferralId, ct), ct);
        if (playing != member.OrganisationId) return false;
        return member.IsCaseworker || (task.Role == StaffRoles.Coordinator && member.IsCoordinator);
    }
}
