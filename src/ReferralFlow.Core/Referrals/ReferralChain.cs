using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Core.Referrals;

/// <summary>A referral and the ones it was started from (monitoring from a return, a court appearance from a closed
/// case), nearest first. A child referral started in the current unit of work is not saved yet, so the tracked rows
/// are asked first.</summary>
public static class ReferralChain
{
    public static async Task<List<Guid>> OfAsync(ReferralFlowDb db, Guid referralId, CancellationToken ct)
    {
        var chain = new List<Guid>();
        for (Guid? current = referralId; current is { } id && !chain.Contains(id);)
        {
            chain.Add(id);
            current = db.Referrals.Local.FirstOrDefault(r => r.Id == id) is { } tracked ? tracked.ParentReferralId
                : await db.Referrals.Where(r => r.Id == id).Select(r => r.ParentReferralId).SingleOrDefaultAsync(ct);
        }
        return chain;
    }
}
