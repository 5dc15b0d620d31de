namespace ReferralFlow.Core.Partners;

/// <summary>What kind of body a partner is. Closed, so that a directory query ("a consulate in DE") finds every
/// organisation of that kind whatever the source file called it.</summary>
public static class OrganisationKinds
{
    public const string Ngo = "ngo";

    /// <summary>Embassies too: both issue the travel documents of their state (referral-practice §1.3).</summary>
    public const string Consulate = "consulate";
    public const string Police = "police";
    public const string Iom = "iom";
    public const string ChildProtection = "child-protection";
    public const string Shelter = "shelter";
    public const string Court = "court";

    /// <summary>National referral bodies and agencies (ANITP, OFII, national commissions) and anything else.</summary>
    public const string Other = "other";

    public static readonly IReadOnlyList<string> All = [Ngo, Consulate, Police, Iom, ChildProtection, Shelter, Court, Other];

    // Words people use for a kind that the directory files under another one.
    public static readonly IReadOnlyDictionary<string, string> Synonyms = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["embassy"] = Consulate, ["ministry"] = Other, ["government"] = Other, ["agency"] = Other,
        ["judiciary"] = Court, ["prosecutor"] = Court, ["social-services"] = ChildProtection, ["io"] = Other,
    };
}

/// <summary>The services a partner offers, as the requests of the procedures need them (DESIGN.md §5,
/// networks-and-principles R-DIR-06). A small controlled list: free text would defeat the directory query.</summary>
public static class PartnerServices
{
    public static readonly IReadOnlyList<string> All =
    [
        "shelter", "return-assistance", "reintegration", "legal", "medical", "psychological", "social", "documents",
        "escort", "family-assessment", "family-tracing", "monitoring", "interpretation", "protection", "identification",
        "investigation", "funding", "vocational", "hotline",
    ];

    public static bool IsKnown(string service) => All.Contains(service, StringComparer.Ordinal);
}

/// <summary>ISO 639-1 codes of the languages partners work in: the message templates' languages (en fr de it es ro bg
/// sr) and those of the network's other countries. A contact's language picks the template.</summary>
public static class DirectoryLanguages
{
    public static readonly IReadOnlyList<string> All =
    [
        "en", "fr", "de", "it", "es", "ro", "bg", "sr", "nl", "pt", "pl", "cs", "sk", "sl", "hr", "bs", "sq", "mk", "el",
        "hu", "lt", "lv", "et", "fi", "sv", "da", "no", "lb", "mt", "ga", "tr", "uk", "ru", "be", "ka", "hy", "az", "ar",
        "fa", "ur", "hi", "bn", "zh", "th", "my", "vi", "tl", "ha", "yo", "ig", "sw", "am", "ti", "so",
    ];

    public static bool IsKnown(string language) => All.Contains(language, StringComparer.Ordinal);
}

/// <summary>Staff roles of the sending side that escalation ladders and alerts name (<c>"to": "coordinator"</c>),
/// held by directory contacts (<c>staffRoles</c>) or by the network (<c>network:</c>). Their names are the outbox's
/// recipient names.</summary>
public static class DirectoryStaffRoles
{
    public const string Coordinator = Recipients.Coordinator;
    public const string FocalPoint = Recipients.FocalPoint;

    public static readonly IReadOnlyList<string> All = [Coordinator, FocalPoint];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
