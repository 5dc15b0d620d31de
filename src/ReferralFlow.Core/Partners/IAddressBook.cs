using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Core.Partners;

/// <summary>Where a message goes: the person's address and language, and the organisation to name in it.
/// <see cref="ContactId"/> is null for the configured coordinator and focal-point addresses.</summary>
public sealed record Addressee(Guid? ContactId, string Email, string Language, string OrganisationName);

/// <summary>The seam between the outbox (which names roles) and the directory (which knows people).</summary>
public interface IAddressBook
{
    /// <summary>
    /// Who receives an outbox message. <paramref name="recipient"/> is a partner role of the referral
    /// ("receiving", "consulate" ...) → the authorised contact of the organisation assigned to that role (never an
    /// unauthorised one); "backup" → the backup contact of the hand-off's authorised contact; "coordinator" /
    /// "focal-point" → configured addresses. Null when nothing can be resolved: the caller raises an incident.
    /// </summary>
    Task<Addressee?> ResolveAsync(ReferralFlowDb db, Guid referralId, string recipient, Guid? handOffId, CancellationToken ct);

    /// <summary>Active organisations of the same country and kind that offer a service of the given one, excluding it.</summary>
    Task<IReadOnlyList<Organisation>> AlternativesAsync(ReferralFlowDb db, Guid organisationId, CancellationToken ct);
}
