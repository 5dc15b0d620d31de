using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Core.Referrals;

/// <summary>A procedure linked to a referral: the one it follows (<c>parent</c>) or one that follows it (<c>child</c>:
/// a sub-procedure or a reopening), with the code partners know it by.</summary>
public sealed record LinkedReferral(string Relation, Guid Id, string CaseCode, string Workflow, string Status);

/// <summary>The links between a case's procedures, both ways: the history kinds that record them when a sub-procedure
/// starts, and the list a referral shows.</summary>
public static class ReferralLinks
{
    public const string ChildStarted = "sub-procedure-started";
    public const string PartOf = "part-of-case";

    public static async Task<IReadOnlyList<LinkedReferral>> OfAsync(ReferralFlowDb db, Referral referral, CancellationToken ct)
    {
        var rows = await db.Referrals.AsNoTracking()
            .Where(r => r.Id == referral.ParentReferralId || r.ParentReferralId == referral.Id)
            .OrderBy(r => r.CasePart).ThenBy(r => r.StartedAt)
            .Select(r => new { r.Id, r.CaseCode, r.WorkflowId, r.Status }).ToListAsync(ct);
        return [.. rows.Select(r => new LinkedReferral(r.Id == referral.ParentReferralId ? "parent" : "child",
            r.Id, r.CaseCode, r.WorkflowId, r.Status.ToString().ToLowerInvariant()))];
    }
}
