namespace ReferralFlow.Core.Referrals;

/// <summary>What intake says about a new referral beyond its procedure's variables: who sends, who receives, and the
/// corridor. None of it is personal data.</summary>
public sealed record ReferralParticulars(
    Guid? SendingOrganisationId,
    Guid? ReceivingOrganisationId,
    string? OriginCountry,
    IReadOnlyList<string> TransitCountries,
    string? DestinationCountry)
{
    public static readonly ReferralParticulars None = new(null, null, null, [], null);
}
