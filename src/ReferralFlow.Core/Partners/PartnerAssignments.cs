using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Definitions;
using ReferralFlow.Core.History;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Referrals;

namespace ReferralFlow.Core.Partners;

/// <summary>What <c>partners assign</c> did: the assignment and, when there is one, a warning to show.</summary>
public sealed record AssignResult(string CaseCode, string Role, Organisation Organisation, string? Replaced, string? Warning);

/// <summary>Which organisation plays which partner role in a referral: setting it (audited in the referral's
/// history) and looking it up for the address book.</summary>
public static class PartnerAssignments
{
    public const string HistoryKind = "partner-assigned";

    /// <summary>The role of the organisation that takes the person on (<see cref="Referral.ReceivingOrganisationId"/>).</summary>
    public const string ReceivingRole = "receiving";

    /// <summary>
    /// Assigns <paramref name="organisationReference"/> (directory id or GUID) to a role of an active referral,
    /// replacing any earlier assignment of that role. Refuses a role the referral's procedure never addresses and an
    /// inactive organisation; an organisation without an authorised contact is assigned with a warning, as its
    /// requests will raise incidents until one is added.
    /// </summary>
    public static async Task<AssignResult> AssignAsync(ReferralFlowDb db, WorkflowLibrary library, Guid referralId, string role,
        string organisationReference, string actor, DateTimeOffset at, CancellationToken ct = default)
    {
        // Tracked: the receiving role is mirrored on the referral itself.
        var referral = await db.Referrals.SingleOrDefaultAsync(r => r.Id == referralId, ct)
            ?? throw new ReferralFlowException($"No referral {referralId}; list them with 'referralflow referrals list'.");
        if (referral.Status != ReferralStatus.Active)
            throw new ReferralFlowException($"Referral {referral.CaseCode} is {referral.Status.ToString().ToLowerInvariant()}: only an active referral gets partners assigned.");
        var roles = await PartnerRoles.OfAsync(db, library, referral.WorkflowId, referral.WorkflowVersion, ct);
        if (!roles.Contains(role))
            throw new ReferralFlowException($"'{role}' is not a partner role of {referral.WorkflowId} v{referral.WorkflowVersion}" +
                (Suggestions.Closest(role, roles) is { } close ? $"; did you mean '{close}'?" : $"; its roles: {string.Join(", ", roles)}."));
        var organisation = await PartnerDirectory.RequireAsync(db, organisationReference, ct);
        if (!organisation.Active)
            throw new ReferralFlowException($"Organisation '{organisation.Key}' ({organisation.Name}) is inactive: choose an active one " +
                "(referralflow partners list), or re-import the directory with it active.");

        var existing = await db.PartnerAssignments.SingleOrDefaultAsync(a => a.ReferralId == referralId && a.Role == role, ct);
        string? replaced = null;
        if (existing is null)
            db.PartnerAssignments.Add(new PartnerAssignment { ReferralId = referralId, Role = role, OrganisationId = organisation.Id, AssignedAt = at, AssignedBy = actor });
        else
        {
            replaced = await db.Organisations.Where(o => o.Id == existing.OrganisationId).Select(o => o.Key).SingleAsync(ct);
            (existing.OrganisationId, existing.AssignedAt, existing.AssignedBy) = (organisation.Id, at, actor);
        }
        if (role == ReceivingRole) referral.HandTo(organisation.Id);
        db.History.Add(new HistoryEntry
        {
            ReferralId = referralId, At = at, Kind = HistoryKind, Actor = actor,
            Detail = $"{role}: {organisation.Name} ({organisation.Key}){(replaced is null ? "" : $", replacing {replaced}")}",
        });
        await db.SaveChangesAsync(ct);

        var warning = await PartnerDirectory.AuthorisedContactAsync(db, organisation.Id, ct) is null
            ? $"'{organisation.Key}' has no contact authorised to accept referrals: requests to '{role}' will raise an incident until the directory names one"
            : null;
        return new AssignResult(referral.CaseCode, role, organisation, replaced, warning);
    }

    /// <summary>The organisation playing <paramref name="role"/> in the referral or, for a child referral
    /// (monitoring, court appearance) without its own, in its parent's chain. Sees the current unit of work too: an
    /// assignment a directory query just made, and a child referral started but not yet saved.</summary>
    public static async Task<Organisation?> OrganisationForAsync(ReferralFlowDb db, Guid referralId, string role, CancellationToken ct = default)
    {
        foreach (var id in await ReferralChain.OfAsync(db, referralId, ct))
        {
            if (db.PartnerAssignments.Local.FirstOrDefault(a => a.ReferralId == id && a.Role == role) is { } added)
                return await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == added.OrganisationId, ct);
            var organisation = await (
                    from a in db.PartnerAssignments join o in db.Organisations on a.OrganisationId equals o.Id
                    where a.ReferralId == id && a.Role == role select o)
                .AsNoTracking().SingleOrDefaultAsync(ct);
            if (organisation is not null) return organisation;
        }
        return null;
    }
}
