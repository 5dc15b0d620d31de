using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Referrals;

namespace ReferralFlow.Core.Queries;

public sealed record PublishedWorkflowSummary(string Id, int Version, string Title, DateTimeOffset PublishedAt, int ActiveReferrals);

public static class WorkflowQueries
{
    /// <summary>Every published version by id and version, with how many active referrals are pinned to it.</summary>
    public static async Task<IReadOnlyList<PublishedWorkflowSummary>> ListPublishedAsync(ReferralFlowDb db, CancellationToken ct = default)
    {
        var versions = await db.PublishedWorkflows.AsNoTracking()
            .OrderBy(w => w.WorkflowId).ThenBy(w => w.Version)
            .Select(w => new { w.WorkflowId, w.Version, w.Title, w.PublishedAt })
            .ToListAsync(ct);
        var active = await db.Referrals.AsNoTracking().Where(r => r.Status == ReferralStatus.Active)
            .GroupBy(r => new { r.WorkflowId, r.WorkflowVersion })
            .Select(g => new { g.Key.WorkflowId, g.Key.WorkflowVersion, Count = g.Count() })
            .ToListAsync(ct);
        var counts = active.ToDictionary(a => (a.WorkflowId, a.WorkflowVersion), a => a.Count);
        return [.. versions.Select(v => new PublishedWorkflowSummary(
            v.WorkflowId, v.Version, v.Title, v.PublishedAt, counts.GetValueOrDefault((v.WorkflowId, v.Version))))];
    }
}
