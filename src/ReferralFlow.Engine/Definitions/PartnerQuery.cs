namespace ReferralFlow.Engine.Definitions;

/// <summary>
/// The <c>find</c> of a partnerRequest: which organisation of the partner directory plays the step's partner role
/// when the referral has none assigned yet (issue 3 §1: "by a directory query (country + service + kind)").
/// The country is a literal ISO code or the name of a string variable read when the step opens; so are the optional
/// region and city (issue 9 §7), which narrow the search to the organisations serving that place.
/// </summary>
public sealed record PartnerQuery(string Kind, string Service, string? Country, string? CountryVariable)
{
    /// <summary>A region as the directory lists it ("Nord-Vest"), or null.</summary>
    public string? Region { get; init; }
    public string? RegionVariable { get; init; }

    /// <summary>A city as the directory lists it ("Cluj-Napoca"), or null.</summary>
    public string? City { get; init; }
    public string? CityVariable { get; init; }

    /// <summary>The directory's organisation kinds (ReferralFlow.Core.Partners.OrganisationKinds, kept equal by a test).</summary>
    public static readonly IReadOnlyList<string> Kinds =
        ["ngo", "consulate", "police", "iom", "child-protection", "shelter", "court", "other"];

    /// <summary>The directory's services (ReferralFlow.Core.Partners.PartnerServices, kept equal by a test).</summary>
    public static readonly IReadOnlyList<string> Services =
    [
        "shelter", "return-assistance", "reintegration", "legal", "medical", "psychological", "social", "documents",
        "escort", "family-assessment", "family-tracing", "monitoring", "interpretation", "protection", "identification",
        "investigation", "funding", "vocational", "hotline",
    ];
}
