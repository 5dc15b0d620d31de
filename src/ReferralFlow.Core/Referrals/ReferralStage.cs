namespace ReferralFlow.Core.Referrals;

/// <summary>
/// Where the case stands in practice, in the phases of referral-practice.md §1.2: identification and first
/// protection (phase 2), needs and risk assessment (3), pre-departure — the person's informed choice, the referral
/// to the receiving partner, pre-departure assistance and documents (4–7) —, travel and escort (8–9), arrival and
/// hand-over (10–11), reintegration monitoring (12), and closed. Caseworkers move it (<see cref="ReferralStages"/>);
/// the procedure's own steps run independently of it.
/// </summary>
public enum ReferralStage
{
    Identification,
    Assessment,
    PreDeparture,
    Travel,
    Arrival,
    Monitoring,
    Closed,
}
