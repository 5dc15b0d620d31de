using Microsoft.EntityFrameworkCore;
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

    public Task<IReadOnlyList<Organisation>> AlternativesAsync(ReferralFlowDb db, Guid organisationId, CancellationToken ct) =>
        PartnerDirectory.AlternativesAsync(db, organisationId, ct);

    private static async Task<Addressee?> BackupAsync(ReferralFlowDb db, Guid referralId, Guid? handOffId, CancellationToken ct)
    {
        // A task's reminder has no hand-off, hence no partner whose backup could be meant.
        if (handOffId is not { } id) return null;
        var role = await db.HandOffs.AsNoTracking()
            .Where(h => h.Id == id && h.ReferralId == referralId).Select(h => h.Partner).SingleOrDefaultAsync(ct);
        if (role is null || await AuthorisedAsync(db, referralId, role, ct) is not ({ } organisation, { BackupContactId: { } backupId })) return null;
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
