using System.Net.Mail;
using System.Text.RegularExpressions;

namespace ReferralFlow.Core.Partners;

/// <summary>Turns the nodes of a directory file into entries, checking each field on its own (types, vocabulary,
/// codes, e-mail addresses). Where a field is wrong the entry gets a placeholder and the problem is recorded;
/// a file with any error is never applied, so placeholders never reach the database.</summary>
internal static partial class DirectoryBinder
{
    public const string IdRule = "lower-case letters, digits and '-', e.g. ro-adpare";

    private static readonly string[] RootFields = ["organisations", "network"];
    private static readonly string[] OrganisationFields =
        ["id", "name", "kind", "country", "regions", "cities", "languages", "services", "active", "lastVerifiedOn", "contacts", "agreements"];
    private static readonly string[] ContactFields = ["id", "name", "role", "email", "language", "authorised", "backup", "staffRoles"];
    private static readonly string[] AgreementFields = ["id", "kind", "scope", "reviewOn"];

    public static DirectoryFile Bind(DirectoryNode root, DirectoryProblems problems)
    {
        var file = FieldReader.Open(problems, root, "$", "the directory");
        if (file is null) return new DirectoryFile([]);
        file.CheckFields(RootFields);
        var list = file.List("organisations", true, "organisations");
        return new DirectoryFile(Items(list, file.PathOf("organisations"), problems, "an organisation", Organisation))
        {
            Network = Network(file),
        };
    }

    /// <summary><c>network: { coordinator: CONTACT-ID, focal-point: CONTACT-ID }</c>; whether each contact exists is
    /// a whole-file check.</summary>
    private static IReadOnlyList<NetworkEntry>? Network(FieldReader file)
    {
        var hint = $"a map of staff roles ({string.Join(", ", DirectoryStaffRoles.All)}) to contact ids, e.g. 'coordinator: de-kok-network'";
        if (file.Node("network", false, hint) is not { } node) return null;
        if (FieldReader.Open(file.Problems, node, file.PathOf("network"), "the network section") is not { } network) return [];
        network.CheckFields(DirectoryStaffRoles.All);
        return [.. DirectoryStaffRoles.All
            .Select(role => (Role: role, Contact: network.Text(role, false, "the id of a contact in the directory")))
            .Where(x => x.Contact is not null)
            .Select(x => new NetworkEntry(x.Role, x.Contact!) { Where = new(network.LineOf(x.Role), network.PathOf(x.Role)) })];
    }

    private static OrganisationEntry Organisation(FieldReader o)
    {
        o.CheckFields(OrganisationFields);
        var kind = o.Text("kind", true, $"one of {string.Join(", ", OrganisationKinds.All)}");
        if (kind is not null && !OrganisationKinds.All.Contains(kind))
            o.Error("kind", OrganisationKinds.Synonyms.TryGetValue(kind, out var filed)
                ? $"unknown kind '{kind}': write '{filed}', the kind the directory uses for it"
                : $"unknown kind '{kind}'{Suggestions.Hint(kind, OrganisationKinds.All)}");
        var country = o.Text("country", true, "an ISO 3166 alpha-2 code such as RO");
        if (country is not null && !CountryCodes.IsKnown(country))
            o.Error("country", CountryCodes.Suggest(country) is { } meant
                ? $"'{country}' is not an ISO 3166 alpha-2 country code: write '{meant}'"
                : $"'{country}' is not an ISO 3166 alpha-2 country code: write two capital letters such as RO, DE or RS");
        var languages = Checked(o, "languages", "[ro, en]", DirectoryLanguages.IsKnown, word => LanguageProblem(word));
        var services = Checked(o, "services", "[shelter, reintegration]", PartnerServices.IsKnown,
            word => $"unknown service '{word}'{Suggestions.Hint(word, PartnerServices.All)}");
        var contacts = Items(o.List("contacts", false, "contacts"), o.PathOf("contacts"), o.Problems, "a contact", Contact);
        var agreements = Items(o.List("agreements", false, "agreements"), o.PathOf("agreements"), o.Problems, "an agreement", Agreement);
        return new OrganisationEntry(
            Id(o), o.Text("name", true, "the organisation's name") ?? "", kind ?? "", country ?? "",
            [.. o.Words("regions", false, "[Bucharest, Ilfov]").Select(w => w.Text)], languages, services,
            o.Flag("active", false) ?? true, o.Date("lastVerifiedOn"), contacts, agreements)
        { Where = new(o.Line, o.Path), Cities = [.. o.Words("cities", false, "[Bucharest, Cluj-Napoca]").Select(w => w.Text)] };
    }

    private static ContactEntry Contact(FieldReader c)
    {
        c.CheckFields(ContactFields);
        var email = c.Text("email", true, "an e-mail address such as intake@adpare.example.org");
        if (email is not null && !IsEmail(email))
            c.Error("email", $"'{email}' is not an e-mail address: write it as name@domain, e.g. intake@adpare.example.org");
        var language = c.Text("language", true, "the ISO 639-1 code of the language to write to this person in, e.g. ro");
        if (language is not null && !DirectoryLanguages.IsKnown(language))
            c.Error("language", LanguageProblem(language));
        // Required, not defaulted: whether someone may commit the organisation is never assumed.
        var authorised = c.Flag("authorised", true);
        var backup = c.Text("backup", false, "the id of another contact of the same organisation");
        var staffRoles = Checked(c, "staffRoles", "[coordinator, focal-point]", DirectoryStaffRoles.IsKnown,
            word => $"unknown staff role '{word}'{Suggestions.Hint(word, DirectoryStaffRoles.All)}");
        // A wrong flag is already an error; the placeholder 'true' keeps it from also raising "nobody authorised".
        return new ContactEntry(Id(c), c.Text("name", true, "the person's name") ?? "", c.Text("role", false, "the person's job"),
            email ?? "", language ?? "", authorised ?? true, backup)
        { Where = new(c.Line, c.Path), BackupLine = c.LineOf("backup"), StaffRoles = staffRoles };
    }

    private static AgreementEntry Agreement(FieldReader a)
    {
        a.CheckFields(AgreementFields);
        var kind = a.Text("kind", true, $"one of {string.Join(", ", Partners.Agreement.Kinds)}");
        if (kind is not null && !Partners.Agreement.Kinds.Contains(kind))
            a.Error("kind", $"unknown agreement kind '{kind}'{Suggestions.Hint(kind, Partners.Agreement.Kinds)}");
        return new AgreementEntry(Id(a), kind ?? "", a.Text("scope", true, "what the agreement covers") ?? "", a.Date("reviewOn"))
        { Where = new(a.Line, a.Path) };
    }

    private static string Id(FieldReader reader)
    {
        var id = reader.Text("id", true, $"a stable id ({IdRule})");
        if (id is null) return "";
        if (IdPattern().IsMatch(id)) return id;
        reader.Error("id", $"id '{id}' must be {IdRule}");
        return "";
    }

    private static IReadOnlyList<string> Checked(FieldReader reader, string field, string example,
        Func<string, bool> isKnown, Func<string, string> problem)
    {
        var words = reader.Words(field, false, example);
        foreach (var (text, line, path) in words.Where(w => !isKnown(w.Text)))
            reader.Problems.Error(line, path, problem(text));
        return [.. words.Select(w => w.Text)];
    }

    // The list of languages is long: name a few rather than all of them.
    private static string LanguageProblem(string language) =>
        Suggestions.Closest(language, DirectoryLanguages.All) is { } close
            ? $"unknown language '{language}'; did you mean '{close}'?"
            : $"unknown language '{language}': write its ISO 639-1 code (two lower-case letters) such as en, fr, de, ro, sr";

    private static IReadOnlyList<T> Items<T>(ListNode? list, string path, DirectoryProblems problems, string what, Func<FieldReader, T> bind)
    {
        if (list is null) return [];
        var items = new List<T>();
        for (var i = 0; i < list.Items.Count; i++)
            if (FieldReader.Open(problems, list.Items[i], $"{path}[{i}]", what) is { } reader)
                items.Add(bind(reader));
        return items;
    }

    // MailAddress also accepts display names ("Ana <a@b>"): only a bare address that it reads back unchanged counts.
    private static bool IsEmail(string text) =>
        MailAddress.TryCreate(text, out var address) && address.Address == text && address.Host.Contains('.')
        && !text.Any(char.IsWhiteSpace);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex IdPattern();
}
