namespace ReferralFlow.Core.Consent;

/// <summary>
/// The person's consent that one organisation of the directory receives their case for one purpose
/// (referral-practice.md §4, REQ-25). It records who gave it by role only — the person, a parent, a guardian — never
/// a name, and whether an appointed guardian co-signed, which a child's consent needs. Withdrawal is the one change
/// it allows; a consent is never edited, a new one is recorded instead.
/// </summary>
public sealed class ConsentRecord
{
    public required Guid Id { get; init; }
    public required Guid ReferralId { get; init; }
    public required Guid OrganisationId { get; init; }

    /// <summary>One of <see cref="Engine.Definitions.ConsentPurposes"/>.</summary>
    public required string Purpose { get; init; }

    /// <summary>One of <see cref="ConsentForms"/>.</summary>
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

    /// <summary>Whether the consent covers a hand-off on <paramref name="day"/>: given, not expired, not withdrawn, and
    /// for a child given or co-signed by the guardian (a parent alone is not enough: the family may be part of the
    /// trafficking, networks-and-principles P10).</summary>
    public bool HoldsOn(DateOnly day, bool child) =>
        !IsWithdrawn && GivenOn <= day && (ExpiresOn is not { } last || day <= last) && (!child || SatisfiesChildRule);

    public bool SatisfiesChildRule => GivenBy == ConsentGivers.Guardian || GuardianCosigned;

    public void Withdraw(string reason, DateTimeOffset at, string by)
    {
        if (IsWithdrawn)
            throw new ReferralFlowException($"Consent {Id} was already withdrawn on {WithdrawnAt:yyyy-MM-dd}; nothing changed.");
        WithdrawalReason = reason;
        WithdrawnAt = at;
        WithdrawnBy = by;
    }
}
