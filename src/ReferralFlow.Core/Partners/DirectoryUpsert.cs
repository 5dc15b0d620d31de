using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Core.Partners;

/// <summary>
/// Applies a checked directory file: organisations are matched by id and created or updated; the contacts and
/// agreements of each organisation in the file become exactly those listed (matched by id, so a contact keeps its
/// database id across re-imports; unlisted ones are removed). Organisations the file does not list are left alone:
/// a file may cover one country. Retire an organisation with <c>active: false</c>, it is never deleted.
/// </summary>
internal static class DirectoryUpsert
{
    public sealed record Counts(int Created, int Updated, int Unchanged);

    public static async Task<Counts> ApplyAsync(ReferralFlowDb db, DirectoryFile file, CancellationToken ct)
    {
        var keys = file.Organisations.Select(o => o.Id).ToList();
        var organisations = await db.Organisations.Where(o => keys.Contains(o.Key)).ToDictionaryAsync(o => o.Key, ct);
        var ids = organisations.Values.Select(o => o.Id).ToList();
        var contacts = await db.Contacts.Where(c => ids.Contains(c.OrganisationId)).ToDictionaryAsync(c => c.Key, ct);
        var agreements = await db.Agreements.Where(a => ids.Contains(a.OrganisationId)).ToDictionaryAsync(a => a.Key, ct);
        var created = new HashSet<Guid>();

        foreach (var entry in file.Organisations)
        {
            if (!organisations.TryGetValue(entry.Id, out var organisation))
            {
                organisation = new Organisation { Id = Guid.CreateVersion7(), Key = entry.Id, Name = entry.Name, Kind = entry.Kind, Country = entry.Country };
                db.Organisations.Add(organisation);
                organisations[entry.Id] = organisation;
                created.Add(organisation.Id);
            }
            Update(organisation, entry);
            for (var i = 0; i < entry.Contacts.Count; i++)
                Update(Find(db, contacts, entry.Contacts[i].Id, NewContact), organisation.Id, entry.Contacts[i], i);
            for (var i = 0; i < entry.Agreements.Count; i++)
                Update(Find(db, agreements, entry.Agreements[i].Id, NewAgreement), organisation.Id, entry.Agreements[i], i);
        }
        // Backups last: the colleague named may be listed after the contact naming it.
        foreach (var entry in file.Organisations.SelectMany(o => o.Contacts))
            contacts[entry.Id].BackupContactId = entry.Backup is { } backup ? contacts[backup].Id : null;

        var listedContacts = file.Organisations.SelectMany(o => o.Contacts).Select(c => c.Id).ToHashSet();
        var listedAgreements = file.Organisations.SelectMany(o => o.Agreements).Select(a => a.Id).ToHashSet();
        db.Contacts.RemoveRange(contacts.Values.Where(c => !listedContacts.Contains(c.Key)));
        db.Agreements.RemoveRange(agreements.Values.Where(a => !listedAgreements.Contains(a.Key)));

        await NetworkAsync(db, file, ct);

        var changed = ChangedOrganisations(db).Except(created).Count();
        return new Counts(created.Count, changed, file.Organisations.Count - created.Count - changed);
    }

    private static void Update(Organisation organisation, OrganisationEntry entry)
    {
        organisation.Name = entry.Name;
        organisation.Kind = entry.Kind;
        organisation.Country = entry.Country;
        organisation.Regions = entry.Regions;
        organisation.Cities = entry.Cities;
        organisation.Languages = entry.Languages;
        organisation.Services = entry.Services;
        organisation.Active = entry.Active;
        organisation.LastVerifiedOn = entry.LastVerifiedOn;
    }

    private static void Update(Contact contact, Guid organisationId, ContactEntry entry, int position)
    {
        contact.OrganisationId = organisationId;
        contact.Name = entry.Name;
        contact.Role = entry.Role;
        contact.Email = entry.Email;
        contact.Language = entry.Language;
        contact.AuthorisedToAccept = entry.Authorised;
        contact.StaffRoles = entry.StaffRoles;
        contact.Position = position;
    }

    /// <summary>A file with a <c>network:</c> section sets exactly the roles it names; one without leaves them.</summary>
    private static async Task NetworkAsync(ReferralFlowDb db, DirectoryFile file, CancellationToken ct)
    {
        if (file.Network is not { } named) return;
        var now = await db.NetworkContacts.ToDictionaryAsync(n => n.Role, ct);
        foreach (var entry in named)
        {
            if (now.TryGetValue(entry.Role, out var held)) held.ContactKey = entry.Contact;
            else db.NetworkContacts.Add(new NetworkContact { Role = entry.Role, ContactKey = entry.Contact });
        }
        db.NetworkContacts.RemoveRange(now.Values.Where(n => named.All(e => e.Role != n.Role)));
    }

    private static void Update(Agreement agreement, Guid organisationId, AgreementEntry entry, int position)
    {
        agreement.OrganisationId = organisationId;
        agreement.Kind = entry.Kind;
        agreement.Scope = entry.Scope;
        agreement.ReviewOn = entry.ReviewOn;
        agreement.Position = position;
    }

    private static T Find<T>(ReferralFlowDb db, Dictionary<string, T> known, string key, Func<string, T> create) where T : class
    {
        if (known.TryGetValue(key, out var found)) return found;
        var added = create(key);
        db.Add(added);
        known[key] = added;
        return added;
    }

    // Placeholders, overwritten by Update before saving.
    private static Contact NewContact(string key) =>
        new() { Id = Guid.CreateVersion7(), Key = key, OrganisationId = Guid.Empty, Name = "", Email = "", Language = "" };

    private static Agreement NewAgreement(string key) =>
        new() { Id = Guid.CreateVersion7(), Key = key, OrganisationId = Guid.Empty, Kind = "", Scope = "" };

    /// <summary>Organisations with any change of their own, their contacts or agreements (a moved contact counts for both).</summary>
    private static HashSet<Guid> ChangedOrganisations(ReferralFlowDb db)
    {
        db.ChangeTracker.DetectChanges();
        var changed = new HashSet<Guid>();
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State != EntityState.Unchanged))
        {
            switch (entry.Entity)
            {
                case Organisation o:
                    changed.Add(o.Id);
                    break;
                case Contact or Agreement:
                    var owner = entry.Property(nameof(Contact.OrganisationId));
                    changed.Add((Guid)owner.CurrentValue!);
                    if (entry.State != EntityState.Added) changed.Add((Guid)owner.OriginalValue!);
                    break;
            }
        }
        return changed;
    }
}
