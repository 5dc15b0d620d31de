using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Core.Partners;

/// <summary>
/// <see cref="IAddressBook"/> over the partner directory and the referral's partner assignments. Reads only, without
/// tracking, so it can run inside the caller's unit of work. Unauthorised contacts are never returned, also not as
/// backups; an inactive organisation resolves to nobody. "alternatives" (the escalation rung that suggests other
/// partners) goes to the coordinator, who decides. Staff roles come from the directory too (<see cref="StaffContacts"/>).
/// </summary>
public sealed class DirectoryAddressBook : IAddressBook
{
    public async Task<Addressee?> ResolveAsync(ReferralFlowDb db, Guid referralId, string recipient, Guid? handOffId, CancellationToken ct)
    {
        switch (recipient)
        {
            case Recipients.Coordinator or Recipients.Alternatives:
                return await StaffContacts.ResolveAsync(db, referralId, DirectoryStaffRoles.Coordinator, ct);
            case Recipients.FocalPoint:
                return await StaffContacts.ResolveAsync(db, referralId, DirectoryStaffRoles.FocalPoint, ct);
            case Recipients.Backup:
                return await BackupAsync(db, referralId, handOffId, ct);
            default:
                if (HandOffAddressee.OrganisationIn(recipient) is { } organisationId) return await NamedAsync(db, organisationId, ct);
                if (handOffId is { } id && await ForwardedAsync(db, referralId, id, recipient, ct) is { } forwarded)
                    return forwarded.Organisation is { Active: true } ? forwarded.Addressee : null;
                return await AuthorisedAsync(db, referralId, recipient, ct) is ({ } organisation, { } contact) ? Address(organisation, contact) : null;
        }
    }

    /// <summary>The sending organisation, replied to at its designated authorised contact (the first listed), as partners
    /// are addressed; an inactive one gives no address.</summary>
    public async Task<SendingParty?> SenderAsync(ReferralFlowDb db, Guid referralId, CancellationToken ct)
    {
        if (await StaffContacts.SendingOrganisationAsync(db, referralId, ct) is not { } sending) return null;
        var contact = sending.Active ? await PartnerDirectory.AuthorisedContactAsync(db, sending.Id, ct) : null;
        return new SendingParty(sending.Name, contact?.Email);
    }

    /// <summary>A request forwarded to another organisation (Forwarding/) goes there, reminders included: to the address
    /// a caseworker confirmed, else that organisation's authorised contact.</summary>
    private static async Task<(Organisation? Organisation, Addressee? Addressee)?> ForwardedAsync(
        ReferralFlowDb db, Guid referralId, Guid handOffId, string recipient, CancellationToken ct)
    {
        var handOff = await db.HandOffs.AsNoTracking().SingleOrDefaultAsync(h => h.Id == handOffId && h.ReferralId == referralId, ct);
        if (handOff is not { AddressedOrganisationId: { } organisationId } || handOff.Partner != recipient) return null;
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId, ct);
        if (organisation is null) return (null, null);
        var contact = await PartnerDirectory.AuthorisedContactAsync(db, organisation.Id, ct);
        if (handOff.AddressedEmail is { } email)
            return (organisation, new Addressee(null, email, contact?.Language ?? "en", organisation.Name));
        return (organisation, contact is null ? null : Address(organisation, contact));
    }

    /// <summary>One organisation's authorised contact, active or not: told that a request left it, it must hear so.</summary>
    private static async Task<Addressee?> NamedAsync(ReferralFlowDb db, Guid organisationId, CancellationToken ct)
    {
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId, ct);
        if (organisation is null) return null;
        return await PartnerDirectory.AuthorisedContactAsync(db, organisation.Id, ct) is { } contact ? Address(organisation, contact) : null;
    }

    public Task<IReadOnlyList<Organisation>> AlternativesAsync(ReferralFlowDb db, Guid organisationId, CancellationToken ct) =>
        PartnerDirectory.AlternativesAsync(db, organisationId, ct);

    private static async Task<Addressee?> BackupAsync(ReferralFlowDb db, Guid referralId, Guid? handOffId, CancellationToken ct)
    {
        // A task's reminder has no hand-off, hence no partner whose backup could be meant.
        if (handOffId is not { } id) return null;
        var handOff = await db.HandOffs.AsNoTracking().SingleOrDefaultAsync(h => h.Id == id && h.ReferralId == referralId, ct);
        if (handOff is null || await HandOffAddressee.OrganisationAsync(db, handOff, ct) is not { Active: true } organisation) return null;
        if (await PartnerDirectory.AuthorisedContactAsync(db, organisation.Id, ct) is not { BackupContactId: { } backupId }) return null;
        var backup = await db.Contacts.AsNoTracking()
            .SingleOrDefaultAsync(c => c.Id == backupId && c.OrganisationId == organisation.Id && c.AuthorisedToAccept, ct);
        return backup is null ? null : Address(organisation, backup);
    }

    private static async Task<(Organisation, Contact)?> AuthorisedAsync(ReferralFlowDb db, Guid referralId, string role, CancellationToken ct)
    {
        var organisation = await PartnerAssignments.OrganisationForAsync(db, referralId, role, ct);
        if (organisation is not { Active: true }) return null;
        return await PartnerDirectory.AuthorisedContactAsync(db, organisation.Id, ct) is { } contact ? (organisation, contact) : null;
    }

    private static Addressee Address(Organisation organisation, Contact contact) =>
        new(contact.Id, contact.Email, contact.Language, organisation.Name);
}
