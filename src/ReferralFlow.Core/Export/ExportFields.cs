using System.Globalization;
using System.Text.Json.Nodes;
using ReferralFlow.Core.Partners;

namespace ReferralFlow.Core.Export;

/// <summary>
/// Field names of the IOM Human Trafficking Case Data Standard (HTCDS: <c>cas_</c> case, <c>org_</c> organisation,
/// <c>prs_</c> person prefixes) where one exists, so that a receiving case-management system can map an export without
/// a bespoke converter; our own camelCase names otherwise.
/// </summary>
public static class ExportFields
{
    public static JsonObject Organisation(Organisation organisation) => new()
    {
        ["org_Name"] = organisation.Name,
        ["org_ShippingCountry"] = organisation.Country,
        ["org_Type"] = HtcdsOrganisationType(organisation.Kind),
        ["directoryKey"] = organisation.Key,
        ["kind"] = organisation.Kind,
    };

    /// <summary>HTCDS organisation types are coarser than the directory's kinds; a kind without an equivalent is left out.</summary>
    public static string? HtcdsOrganisationType(string kind) => kind switch
    {
        OrganisationKinds.Ngo or OrganisationKinds.Shelter => "NGO",
        OrganisationKinds.Police => "LawEnforcement",
        OrganisationKinds.Consulate => "CentralGovernmentOrganisation",
        OrganisationKinds.ChildProtection => "LocalGovernmentOrganisation",
        OrganisationKinds.Court => "LegalService",
        _ => null,
    };

    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public static string? Instant(DateTimeOffset? at) => at is { } value ? Instant(value) : null;
}
