using ReferralFlow.Core.CaseEvents;
using ReferralFlow.Core.Queries;

namespace ReferralFlow.Core.Access;

/// <summary>A referral as a partner organisation sees it: the case code, where the case stands, and what is asked of
/// it — not the owning organisation's history, incidents or internal tasks.</summary>
public static class PartnerView
{
    public static ReferralDetails Of(ReferralDetails details) => details with
    {
        History = [],
        Incidents = [],
        OpenSteps = [.. details.OpenSteps.Where(s => s.Kind != "task")],
        Case = details.Case is { } state ? Of(state) : null,
    };

    /// <summary>
    /// Of the person's own events a partner learns only that the case is suspended, and since when: its requests wait
    /// and their deadlines will move. Everything else is the owner's alone, even for a partner that may read the person
    /// (a share-data consent covers the person's record, not the owner's casework): the suspension's reason (in
    /// hospital, in detention, a safety concern) and who recorded it, the last day of air travel (it follows from a
    /// pregnancy), and the event log (missing, left the programme for a reason such as re-trafficked or deceased,
    /// contacts after closing). Alerts that a partner must act on reach it by e-mail (a missing child).
    /// </summary>
    public static CaseState Of(CaseState state) => new(
        state.Suspended is { } suspended ? new SuspensionView(suspended.SuspendedAt, Reason: null, SuspendedBy: null) : null,
        AirTravelUntil: null, AirTravelWarningAt: null, Events: []);
}
