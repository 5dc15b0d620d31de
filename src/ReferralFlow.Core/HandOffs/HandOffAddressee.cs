using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Core.HandOffs;

/// <summary>Who a request is for: the organisation it was forwarded to, else the one playing its partner role (in the
/// referral or the chain it comes from). The consent gate, the address book and the withdrawal all ask here, so a
/// forwarded request is checked against its new recipient's consent.</summary>
public static class HandOffAddressee
{
    /// <summary>A recipient naming one organisation rather than a role: the notice that tells an organisation a request
    /// left it goes to that organisation, whoever plays the role now.</summary>
    public const string OrganisationPrefix = "organisation:";

    public static string Organisation(Guid organisationId) => OrganisationPrefix + organisationId.ToString("D");

    public static Guid? OrganisationIn(string recipient) =>
        recipient.StartsWith(OrganisationPrefix, StringComparison.Ordinal) && Guid.TryParse(recipient[OrganisationPrefix.Length..], out var id)
            ? id : null;

    public static async Task<Organisation?> OrganisationAsync(ReferralFlowDb db, HandOff handOff, CancellationToken ct) =>
        handOff.AddressedOrganisationId is { } id
            ? await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct)
            : await PartnerAssignments.OrganisationForAsync(db, handOff.ReferralId, handOff.Partner, ct);

    public static async Task<Organisation?> OrganisationAsync(ReferralFlowDb db, Guid handOffId, CancellationToken ct) =>
        await FindAsync(db, handOffId, ct) is { } handOff ? await OrganisationAsync(db, handOff, ct) : null;

    /// <summary>The hand-off as this unit of work sees it (one it just added, or changed, included).</summary>
    public static async Task<HandOff?> FindAsync(ReferralFlowDb db, Guid handOffId, CancellationToken ct) =>
        db.HandOffs.Local.FirstOrDefault(h => h.Id == handOffId)
        ?? await db.HandOffs.AsNoTracking().SingleOrDefaultAsync(h => h.Id == handOffId, ct);
}
