using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Referrals;

namespace ReferralFlow.Core.Queries;

/// <summary>Read models of referrals for the CLI and the web app; read-only, nothing is tracked.</summary>
public static class ReferralQueries
{
    /// <summary>The referral a caseworker means by a GUID or a case code (any letter case), or null. A case's procedures
    /// share its code (<see cref="CaseParts"/>): the code names the first of them still active, else the first of them
    /// (the referral that drew it), so a command given the code acts on the case where it stands.</summary>
    public static async Task<Guid?> FindIdAsync(ReferralFlowDb db, string reference, CancellationToken ct = default)
    {
        var text = reference.Trim();
        if (Guid.TryParse(text, out var id))
            return await db.Referrals.AnyAsync(r => r.Id == id, ct) ? id : null;
        return await FindByCodeAsync(db.Referrals, text, ct);
    }

    /// <summary>The referral a case code names among <paramref name="referrals"/> (those a user may see, for pages and
    /// the API), as <see cref="FindIdAsync"/> picks it; a suffix's '/' may come URL-encoded (%2F).</summary>
    public static async Task<Guid?> FindByCodeAsync(IQueryable<Referral> referrals, string reference, CancellationToken ct = default)
    {
        var code = reference.Trim().Replace("%2F", "/", StringComparison.OrdinalIgnoreCase).ToUpperInvariant();
        if (!CaseCode.IsValid(code)) return null;
        return await referrals.Where(r => r.CaseCode == code)
            .OrderBy(r => r.Status == ReferralStatus.Active ? 0 : 1).ThenBy(r => r.CasePart)
            .Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
    }

    public static async Task<ReferralDetails?> ShowAsync(ReferralFlowDb db, string reference, CancellationToken ct = default) =>
        await FindIdAsync(db, reference, ct) is { } id ? await ShowAsync(db, id, ct) : null;

    public static async Task<ReferralDetails?> ShowAsync(ReferralFlowDb db, Guid id, CancellationToken ct = default)
    {
        var referral = await db.Referrals.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (referral is null) return null;
        var children = await db.Referrals.AsNoTracking().Where(r => r.ParentReferralId == id)
            .OrderBy(r => r.StartedAt).ThenBy(r => r.Id).Select(r => r.Id).ToListAsync(ct);
        var incidents = await db.Incidents.AsNoTracking().Where(i => i.ReferralId == id && i.ResolvedAt == null)
            .OrderBy(i => i.RaisedAt).ThenBy(i => i.Id)
            .Select(i => new OpenIncident(i.StepId, i.Message, i.RaisedAt, i.Attempts)).ToListAsync(ct);
        var history = await db.History.AsNoTracking().Where(h => h.ReferralId == id).OrderBy(h => h.Id)
            .Select(h => new HistoryLine(h.At, h.Kind, h.StepId, h.Detail, h.Actor)).ToListAsync(ct);
        var openSteps = referral.Status == ReferralStatus.Active ? await OpenSteps.OfAsync(db, referral, ct) : [];
        // The receiving role's assignment is the truth (a directory query or a monitoring's parent may hold it); the
        // referral's own column covers procedures without that role.
        var receivingId = (await PartnerAssignments.OrganisationForAsync(db, id, PartnerAssignments.ReceivingRole, ct))?.Id
            ?? referral.ReceivingOrganisationId;
        var named = new[] { referral.SendingOrganisationId, receivingId }.OfType<Guid>().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => named.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => new OrganisationName(o.Key, o.Name), ct);
        var parties = new ReferralParties(
            referral.SendingOrganisationId is { } sending ? organisations.GetValueOrDefault(sending) : null,
            receivingId is { } receiving ? organisations.GetValueOrDefault(receiving) : null,
            referral.OriginCountry, referral.TransitCountries, referral.DestinationCountry);
        return new ReferralDetails(
            referral.Id, referral.CaseCode, referral.WorkflowId, referral.WorkflowVersion, StatusName(referral.Status),
            referral.Outcome, referral.StartedAt, referral.ClosedAt, referral.ParentReferralId, children,
            openSteps, incidents, history, ReferralStages.Name(referral.Stage), parties, await ReferralLinks.OfAsync(db, referral, ct));
    }

    /// <summary>Newest first; <paramref name="status"/> null lists every referral; <paramref name="within"/> limits the
    /// list to what a user may see (Access/ReferralAccess).</summary>
    public static async Task<IReadOnlyList<ReferralSummary>> ListAsync(
        ReferralFlowDb db, ReferralStatus? status = null, CancellationToken ct = default, IQueryable<Referral>? within = null)
    {
        var query = (within ?? db.Referrals).AsNoTracking();
        if (status is { } wanted) query = query.Where(r => r.Status == wanted);
        var rows = await query.OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).ToListAsync(ct);
        return [.. rows.Select(r => new ReferralSummary(
            r.Id, r.CaseCode, r.WorkflowId, r.WorkflowVersion, StatusName(r.Status), r.Outcome,
            r.StartedAt, r.ClosedAt, r.OpenIncidents))];
    }

    public static string StatusName(ReferralStatus status) => status.ToString().ToLowerInvariant();
}
