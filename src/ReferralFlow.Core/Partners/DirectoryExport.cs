using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Core.Partners;

/// <summary><c>partners export</c>: the whole directory in the import format, so that export → edit → import is the
/// way to maintain it. Deterministic (organisations by country and id, contacts and agreements in file order),
/// so an export of an import of an export is the same text.</summary>
public static class DirectoryExport
{
    public static async Task<string> WriteAsync(ReferralFlowDb db, DirectoryFormat format, CancellationToken ct = default)
    {
        var file = await ReadAsync(db, ct);
        return format == DirectoryFormat.Yaml ? YamlDirectoryWriter.Write(file) : JsonDirectoryWriter.Write(file);
    }

    public static async Task<DirectoryFile> ReadAsync(ReferralFlowDb db, CancellationToken ct = default)
    {
        var organisations = await db.Organisations.AsNoTracking().ToListAsync(ct);
        var contacts = await db.Contacts.AsNoTracking().ToListAsync(ct);
        var agreements = await db.Agreements.AsNoTracking().ToListAsync(ct);
        var network = await db.NetworkContacts.AsNoTracking().ToListAsync(ct);
        var keyOf = contacts.ToDictionary(c => c.Id, c => c.Key);
        var contactsOf = contacts.ToLookup(c => c.OrganisationId);
        var agreementsOf = agreements.ToLookup(a => a.OrganisationId);

        return new DirectoryFile([.. organisations
            .OrderBy(o => o.Country, StringComparer.Ordinal).ThenBy(o => o.Key, StringComparer.Ordinal)
            .Select(o => new OrganisationEntry(
                o.Key, o.Name, o.Kind, o.Country, o.Regions, o.Languages, o.Services, o.Active, o.LastVerifiedOn,
                [.. contactsOf[o.Id].OrderBy(c => c.Position).Select(c => new ContactEntry(
                    c.Key, c.Name, c.Role, c.Email, c.Language, c.AuthorisedToAccept,
                    c.BackupContactId is { } backup ? keyOf.GetValueOrDefault(backup) : null) { StaffRoles = c.StaffRoles })],
                [.. agreementsOf[o.Id].OrderBy(a => a.Position).Select(a => new AgreementEntry(a.Key, a.Kind, a.Scope, a.ReviewOn))])
            { Cities = o.Cities })])
        {
            // In the vocabulary's order, so that the export is deterministic; none is no section, which an import ignores.
            Network = network.Count == 0 ? null
                : [.. DirectoryStaffRoles.All.SelectMany(role => network.Where(n => n.Role == role)).Select(n => new NetworkEntry(n.Role, n.ContactKey))],
        };
    }
}
