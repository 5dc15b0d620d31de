namespace ReferralFlow.Engine.Definitions;

/// <summary>
/// What a person consents to when a partnerRequest shares their case with an organisation. Practice asks consent
/// "for every procedure" (referral-practice.md REQ-25/26), so a request names its purpose with <c>consent</c>, or
/// falls back on the purpose its request kind implies.
/// </summary>
public static class ConsentPurposes
{
    public const string ShareData = "share-data";
    public const string Refer = "refer";
    public const string Return = "return";
    public const string Testify = "testify";
    public const string MonitoringContact = "monitoring-contact";

    /// <summary>Sharing the person's health and medical history, which practice asks in writing.</summary>
    public const string ShareHealthData = "share-health-data";

    public static readonly IReadOnlyList<string> All = [ShareData, Refer, Return, Testify, MonitoringContact, ShareHealthData];

    private static readonly Dictionary<string, string> ByRequest = new(StringComparer.Ordinal)
    {
        ["accept-referral"] = Refer,
        // Asking another organisation to take the person on is a referral too.
        ["alternative-placement"] = Refer,
        ["resettlement-request"] = Refer,
        ["document-request"] = ShareData,
        ["arrival-confirmation"] = Return,
        // Escorting the journey home is part of the return the person agreed to.
        ["escort-request"] = Return,
        ["monitoring-report"] = MonitoringContact,
        ["court-support"] = Testify,
        ["hearing-information"] = Testify,
        ["witness-protection-request"] = Testify,
        // A family assessment or protection request tells an authority about the person and their family.
        ["family-assessment"] = ShareData,
        ["family-protection-request"] = ShareData,
    };

    /// <summary>The purpose a request of this kind needs when the step names none: anything not listed shares the
    /// person's data with the partner, so it needs <see cref="ShareData"/>.</summary>
    public static string DefaultFor(string request) => ByRequest.GetValueOrDefault(request, ShareData);
}

/// <summary>
/// What a request asks of the consent beyond its purpose (issue 9 §5): <see cref="Written"/>, so that a verbal
/// consent holds the request; <see cref="Own"/>, so that a consent reported by a relative or a legal representative
/// does not count — the person's own (or, for a child, the guardian's) is needed.
/// </summary>
public static class ConsentNeeds
{
    public const string Written = "written";
    public const string Own = "own";

    public static readonly IReadOnlyList<string> All = [Written, Own];
}
