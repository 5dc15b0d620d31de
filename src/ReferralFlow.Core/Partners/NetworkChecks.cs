namespace ReferralFlow.Core.Partners;

/// <summary>The <c>network:</c> section names contacts that exist (in the file, or at an organisation it leaves
/// alone); one named by the directory now should not silently disappear with an import that leaves the section out.</summary>
internal static class NetworkChecks
{
    public static void Run(DirectoryFile file, IReadOnlyDictionary<string, OrganisationEntry> owner,
        IReadOnlyDictionary<string, string> contactsElsewhere, IReadOnlyDictionary<string, string> networkNow,
        DirectoryProblems problems)
    {
        foreach (var entry in file.Network ?? [])
        {
            if (owner.TryGetValue(entry.Contact, out var organisation))
            {
                var contact = organisation.Contacts.First(c => c.Id == entry.Contact);
                if (!contact.Authorised || !organisation.Active)
                    problems.Warning(entry.Where!.Line, entry.Where.Path,
                        $"the network's {entry.Role} '{entry.Contact}' is {(contact.Authorised ? $"at the inactive organisation '{organisation.Id}'" : "not authorised")}, " +
                        $"so {entry.Role} messages are not sent to it: name an authorised contact of an active organisation");
            }
            else if (!contactsElsewhere.ContainsKey(entry.Contact))
            {
                problems.Error(entry.Where!.Line, entry.Where.Path, $"the network's {entry.Role} '{entry.Contact}' is not a contact in the directory" +
                    (Suggestions.Closest(entry.Contact, owner.Keys.Concat(contactsElsewhere.Keys)) is { } close
                        ? $"; did you mean '{close}'?" : ": name the id of a contact listed under an organisation"));
            }
        }
        if (file.Network is not null) return;
        foreach (var (role, key) in networkNow.Where(n => !owner.ContainsKey(n.Value) && !contactsElsewhere.ContainsKey(n.Value)))
            problems.Warning(1, "$.network", $"the directory names '{key}' as the network's {role}, and this file removes that " +
                $"contact: {role} messages without a {role} at the sending organisation will raise incidents until a 'network:' section names another");
    }
}
