namespace ReferralFlow.Core.Consent;

/// <summary>
/// The person's consent that one organisation of the directory receives their case for one purpose
/// (referral-practice.md §4, REQ-25). It records who gave it by role only — the person, a parent, a guardian — never
/// a name, and whether an appointed guardian co-signed, which a child's consent needs. Withdrawal is the one change
/// it allows; a consent is never edited, a new one is recorded instead.
/// A record on the basis of <see cref="ConsentBases.VitalInterests"/> is no consent: a coordinator's decision to share
/// urgently when the person cannot consent (GDPR art. 9(2)(c)), with a reason from a closed list.
/// </summary>
public sealed class ConsentRecord
{
    public required Guid Id { get; init; }
    public required Guid ReferralId { get; init; }
    public required Guid OrganisationId { get; init; }

    /// <summary>One of <see cref="Engine.Definitions.ConsentPurposes"/>.</summary>
    public required string Purpose { get; init; }

    /// <summary>One of <see cref="ConsentBases"/>: the person's consent, or the vital interests decision.</summary>
    public string Basis { get; init; } = ConsentBases.Consent;

    /// <summary>One of <see cref="VitalInterestReasons"/> for the vital interests basis; null for a consent.</summary>
    public string? VitalInterestReason { get; init; }

    /// <summary>One of <see cref="ConsentForms"/>; <see cref="ConsentForms.None"/> for the vital interests basis.</summary>
    public required string Form { get; init; }

    /// <summary>One of <see cref="ConsentGivers"/>.</summary>
    public required string GivenBy { get; init; }
    public required bool GuardianCosigned { get; init; }
    public required DateOnly GivenOn { get; init; }

    /// <summary>The last day the consent holds; null: until withdrawn.</summary>
    public DateOnly? ExpiresOn { get; init; }
    public required DateTimeOffset RecordedAt { get; init; }
    public required string RecordedBy { get; init; }
    public DateTimeOffset? WithdrawnAt { get; private set; }

    /// <summary>One of <see cref="WithdrawalReasons"/>: a kind, never free text, so no personal detail is kept.</summary>
    public string? WithdrawalReason { get; private set; }
    public string? WithdrawnBy { get; private set; }

    public bool IsWithdrawn => WithdrawnAt is not null;

    public bool IsVitalInterests => Basis == ConsentBases.VitalInterests;

    /// <summary>Whether the consent covers a hand-off on <paramref name="day"/>: given, not expired, not withdrawn, and
    /// for a child given or co-signed by the guardian (a parent alone is not enough: the family may be part of the
    /// trafficking, networks-and-principles P10).</summary>
    public bool HoldsOn(DateOnly day, bool child) =>
        !IsWithdrawn && GivenOn <= day && (ExpiresOn is not { } last || day <= last) && (!child || SatisfiesChildRule);

    /// <summary>A decision on vital interests stands in for consent, so the child rule does not apply to it.</summary>
    public bool SatisfiesChildRule => IsVitalInterests || GivenBy == ConsentGivers.Guardian || GuardianCosigned;

    /// <summary>Whether it is what the request's step needs beyond the purpose (<see cref="Engine.Definitions.ConsentNeeds"/>):
    /// written, and the person's own rather than reported by a relative or a legal representative. The vital interests
    /// basis meets every need: it exists because no consent can be had.</summary>
    public bool Meets(IReadOnlyCollection<string> needs) => IsVitalInterests || (
        (!needs.Contains(Engine.Definitions.ConsentNeeds.Written) || Form == ConsentForms.Written) &&
        (!needs.Contains(Engine.Definitions.ConsentNeeds.Own) || !ConsentGivers.Reported.Contains(GivenBy)));

    public void Withdraw(string reason, DateTimeOffset at, string by)
    {
        if (IsWithdrawn)
            throw new ReferralFlowException($"Consent {Id} was already withdrawn on {WithdrawnAt:yyyy-MM-dd}; nothing changed.");
        WithdrawalReason = reason;
        WithdrawnAt = at;
        WithdrawnBy = by;
    }
}
