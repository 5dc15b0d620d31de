using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Core.Partners;

/// <summary>Where a message goes: the person's address and language, and the organisation to name in it.</summary>
public sealed record Addressee(Guid? ContactId, string Email, string Language, string OrganisationName);

/// <summary>On whose behalf a message goes: the referral's sending organisation, and the address partners reply to
/// (its designated authorised contact), null when the directory gives it none.</summary>
public sealed record SendingParty(string OrganisationName, string? Email);

/// <summary>The seam between the outbox (which names roles) and the directory (which knows people).</summary>
public interface IAddressBook
{
    /// <summary>
    /// Who receives an outbox message. <paramref name="recipient"/> is a partner role of the referral
    /// ("receiving", "consulate" ...) → the authorised contact of the organisation assigned to that role (never an
    /// unauthorised one); "backup" → the backup contact of the hand-off's authorised contact; "coordinator" /
    /// "focal-point" (and "alternatives", for the coordinator) → the sending organisation's authorised contact holding
    /// that staff role, else the network's. Null when nothing can be resolved: the caller raises an incident.
    /// </summary>
    Task<Addressee?> ResolveAsync(ReferralFlowDb db, Guid referralId, string recipient, Guid? handOffId, CancellationToken ct);

    /// <summary>The referral's sending organisation as the sender of its messages, or null when it has none (a
    /// referral started from the command line without one).</summary>
    Task<SendingParty?> SenderAsync(ReferralFlowDb db, Guid referralId, CancellationToken ct);

    /// <summary>Active organisations of the same country and kind that offer a service of the given one, excluding it.</summary>
    Task<IReadOnlyList<Organisation>> AlternativesAsync(ReferralFlowDb db, Guid organisationId, CancellationToken ct);
}
