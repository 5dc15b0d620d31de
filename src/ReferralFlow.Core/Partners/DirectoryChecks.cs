namespace ReferralFlow.Core.Partners;

/// <summary>
/// Checks that need the whole file (and the rest of the directory): unique ids, backups that exist in the same
/// organisation, an authorised contact per active organisation, and network contacts that exist. Staff roles held by
/// someone who may not act for the organisation are warnings: nothing is ever sent to an unauthorised contact.
/// An active organisation without an authorised contact is a warning, not an error: the directory may list a
/// partner before anyone there may commit it (a consulate's general inbox), and nothing is ever sent to an
/// unauthorised contact anyway: a request to it raises an incident that says to add one.
/// </summary>
internal static class DirectoryChecks
{
    /// <param name="contactsElsewhere">Contact ids the database holds for organisations not in this file, with the
    /// organisation holding each: a file may not take them over silently. Likewise <paramref name="agreementsElsewhere"/>.</param>
    /// <param name="networkNow">The network contacts the directory holds now (role → contact id).</param>
    public static void Run(DirectoryFile file, IReadOnlyDictionary<string, string> contactsElsewhere,
        IReadOnlyDictionary<string, string> agreementsElsewhere, IReadOnlyDictionary<string, string> networkNow,
        DirectoryProblems problems)
    {
        Unique(file.Organisations.Select(o => (o.Id, o.Where!)), "organisation", problems, new Dictionary<string, string>());
        Unique(file.Organisations.SelectMany(o => o.Contacts).Select(c => (c.Id, c.Where!)), "contact", problems, contactsElsewhere);
        Unique(file.Organisations.SelectMany(o => o.Agreements).Select(a => (a.Id, a.Where!)), "agreement", problems, agreementsElsewhere);

        var owner = new Dictionary<string, OrganisationEntry>(StringComparer.Ordinal);
        foreach (var organisation in file.Organisations)
            foreach (var contact in organisation.Contacts)
                owner.TryAdd(contact.Id, organisation);

        foreach (var organisation in file.Organisations)
        {
            foreach (var contact in organisation.Contacts.Where(c => c.Backup is not null))
                Backup(organisation, contact, owner, problems);
            if (organisation.Active && !organisation.Contacts.Any(c => c.Authorised))
                problems.Warning(organisation.Where!.Line, organisation.Where.Path,
                    $"organisation '{organisation.Id}' has no contact authorised to accept referrals: requests to it " +
                    "are not sent (each raises an incident) until a contact has 'authorised: true'");
            foreach (var contact in organisation.Contacts.Where(c => c.StaffRoles.Count > 0 && !c.Authorised))
                problems.Warning(contact.Where!.Line, $"{contact.Where.Path}.staffRoles",
                    $"contact '{contact.Id}' holds {string.Join(", ", contact.StaffRoles)} but is not authorised to act for " +
                    $"'{organisation.Id}', so those messages are not sent to it: give it 'authorised: true' or move the role");
        }
        NetworkChecks.Run(file, owner, contactsElsewhere, networkNow, problems);
    }

    private static void Backup(OrganisationEntry organisation, ContactEntry contact,
        IReadOnlyDictionary<string, OrganisationEntry> owner, DirectoryProblems problems)
    {
        var path = $"{contact.Where!.Path}.backup";
        var backup = contact.Backup!;
        if (backup == contact.Id)
            problems.Error(contact.BackupLine, path, $"contact '{contact.Id}' names itself as backup: name a colleague, or remove 'backup'");
        else if (!owner.TryGetValue(backup, out var other))
            problems.Error(contact.BackupLine, path, $"backup '{backup}' is not a contact in this file" +
                (Suggestions.Closest(backup, organisation.Contacts.Select(c => c.Id)) is { } close
                    ? $"; did you mean '{close}'?"
                    : $": add it to the contacts of '{organisation.Id}' or name one of them"));
        else if (other != organisation)
            problems.Error(contact.BackupLine, path, $"backup '{backup}' works at another organisation ('{other.Id}', {other.Where!.Path}): " +
                "a backup must be a colleague at the same organisation");
        else if (!organisation.Contacts.First(c => c.Id == backup).Authorised)
            problems.Warning(contact.BackupLine, path, $"backup '{backup}' is not authorised to accept referrals, so reminders " +
                $"meant for the backup of '{contact.Id}' are not sent: give '{backup}' 'authorised: true' or name another backup");
    }

    private static void Unique(IEnumerable<(string Id, EntryOrigin Where)> items, string what, DirectoryProblems problems,
        IReadOnlyDictionary<string, string> elsewhere)
    {
        var first = new Dictionary<string, EntryOrigin>(StringComparer.Ordinal);
        foreach (var (id, where) in items.Where(i => i.Id.Length > 0))
        {
            if (first.TryGetValue(id, out var earlier))
                problems.Error(where.Line, $"{where.Path}.id", $"{what} id '{id}' is already used at line {earlier.Line} ({earlier.Path}): " +
                    $"give each {what} its own id");
            else if (elsewhere.TryGetValue(id, out var organisation))
                problems.Error(where.Line, $"{where.Path}.id", $"{what} id '{id}' already belongs to organisation '{organisation}' in the " +
                    $"directory, which this file does not list: choose another id, or include '{organisation}' in the file to move it");
            else
                first[id] = where;
        }
    }
}
