using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Access;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Referrals;

namespace ReferralFlow.Core.Partners;

/// <summary>
/// Who plays the sending side's staff roles ("coordinator", "focal-point") for a referral: the authorised contacts of
/// its sending organisation that hold the role (<c>staffRoles</c>, first in file order), else the contact the
/// network names for it (<c>network:</c>), authorised and at an active organisation. Never a fixed address: when
/// neither names anyone, the message is not sent and <see cref="WhatToAddAsync"/> says what to add.
/// </summary>
public static class StaffContacts
{
    /// <summary>The organisation that sends the referral: the one that started it or, for a monitoring or court
    /// appearance, the referral it came from (as <see cref="ReferralAccess.OwnerAsync"/> decides ownership).</summary>
    public static async Task<Organisation?> SendingOrganisationAsync(ReferralFlowDb db, Guid referralId, CancellationToken ct)
    {
        var owner = await ReferralAccess.OwnerAsync(db, await ReferralChain.OfAsync(db, referralId, ct), ct);
        return owner is { } id ? await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct) : null;
    }

    public static async Task<Addressee?> ResolveAsync(ReferralFlowDb db, Guid referralId, string role, CancellationToken ct)
    {
        if (await SendingOrganisationAsync(db, referralId, ct) is { Active: true } sending
            && await HolderAsync(db, sending.Id, role, ct) is { } own)
            return Address(sending, own);
        return await NetworkAsync(db, role, ct) is ({ } organisation, { } contact) ? Address(organisation, contact) : null;
    }

    /// <summary>For the incident of a message nobody could receive: what to add to the directory, in its own terms.</summary>
    public static async Task<string> WhatToAddAsync(ReferralFlowDb db, Guid referralId, string caseCode, string role, CancellationToken ct)
    {
        var sending = await SendingOrganisationAsync(db, referralId, ct);
        var named = await db.NetworkContacts.AsNoTracking().Where(n => n.Role == role).Select(n => n.ContactKey).SingleOrDefaultAsync(ct);
        var own = sending is null
            ? "The referral has no sending organisation, so only the network can name one: "
            : $"Add 'staffRoles: [{role}]' to an authorised contact of its sending organisation '{sending.Key}'" +
              (sending.Active ? "" : " (inactive in the directory: make it active)") + ", or ";
        var network = named is null
            ? $"name the network's {role} in the directory's 'network:' section ('{role}: CONTACT-ID', an authorised contact)"
            : $"make the network's {role} '{named}' an authorised contact of an active organisation, or name another in 'network:'";
        return $"the partner directory names no {role} for this referral. {own}{network}; then import the directory " +
            $"('referralflow partners import FILE') and retry the referral ('referralflow referrals retry {caseCode}').";
    }

    // Staff roles are a JSON list in a text column: filtered in memory, an organisation has a handful of contacts.
    private static async Task<Contact?> HolderAsync(ReferralFlowDb db, Guid organisationId, string role, CancellationToken ct) =>
        (await db.Contacts.AsNoTracking()
            .Where(c => c.OrganisationId == organisationId && c.AuthorisedToAccept)
            .OrderBy(c => c.Position).ThenBy(c => c.Key)
            .ToListAsync(ct))
        .FirstOrDefault(c => c.StaffRoles.Contains(role, StringComparer.Ordinal));

    private static async Task<(Organisation, Contact)?> NetworkAsync(ReferralFlowDb db, string role, CancellationToken ct)
    {
        var found = await (
                from n in db.NetworkContacts
                join c in db.Contacts on n.ContactKey equals c.Key
                join o in db.Organisations on c.OrganisationId equals o.Id
                where n.Role == role && c.AuthorisedToAccept && o.Active
                select new { Organisation = o, Contact = c })
            .AsNoTracking().SingleOrDefaultAsync(ct);
        return found is null ? null : (found.Organisation, found.Contact);
    }

    private static Addressee Address(Organisation organisation, Contact contact) =>
        new(contact.Id, contact.Email, contact.Language, organisation.Name);
}
