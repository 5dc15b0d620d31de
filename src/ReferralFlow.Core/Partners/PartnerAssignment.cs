namespace ReferralFlow.Core.Partners;

/// <summary>Which organisation plays a partner role ("receiving", "consulate" ...) in one referral, so that a
/// partnerRequest naming the role reaches that organisation's authorised contact.</summary>
public sealed class PartnerAssignment
{
    public required Guid ReferralId { get; init; }
    public required string Role { get; init; }
    public required Guid OrganisationId { get; set; }
    public required DateTimeOffset AssignedAt { get; set; }
    public required string AssignedBy { get; set; }
}
