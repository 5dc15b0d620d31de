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
    };
}
