using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Queries;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Core.Timers;
using ReferralFlow.Engine.Execution;
using ReferralFlow.Web.SignIn;

namespace ReferralFlow.Web.Pages;

/// <summary>A line of the referrals list: the referral, its procedure's title, and what it waits on now.</summary>
public sealed record ReferralRow(ReferralSummary Referral, string WorkflowTitle, IReadOnlyList<string> OpenSteps, string? ParentCaseCode);

/// <summary>Builds the referrals list from the shared queries, plus what they do not carry for a whole list at
/// once: waits and sub-procedures in progress, and the parent of a sub-procedure.</summary>
public static class ReferralList
{
    public static async Task<IReadOnlyList<ReferralRow>> LoadAsync(ReferralFlowDb db, StaffAccess access, CancellationToken ct)
    {
        var visible = access.VisibleReferrals;
        var visibleIds = visible.Select(r => r.Id);
        var referrals = await ReferralQueries.ListAsync(db, ct: ct, within: visible);
        var titles = (await WorkflowQueries.ListPublishedAsync(db, ct)).ToDictionary(w => (w.Id, w.Version), w => w.Title);
        var open = new Dictionary<Guid, List<string>>();
        foreach (var task in await TaskQueries.ListOpenAsync(db, ct: ct, withinReferrals: visibleIds)) Add(open, task.ReferralId, task.Title);
        foreach (var handOff in await HandOffQueries.ListAsync(db, ct: ct, within: access.VisibleHandOffs)) Add(open, handOff.ReferralId, handOff.Title);

        var waits = await db.Timers.AsNoTracking().Where(t => t.Purpose == TimerPurpose.Wait && visibleIds.Contains(t.ReferralId))
            .Select(t => new { t.ReferralId, t.StepId, t.DueAt }).ToListAsync(ct);
        foreach (var wait in waits) Add(open, wait.ReferralId, $"{Display.Words(wait.StepId)} until {Display.Date(wait.DueAt)}");

        var children = await visible.AsNoTracking().Where(r => r.ParentReferralId != null)
            .Select(r => new { r.Id, Parent = r.ParentReferralId!.Value, r.CaseCode, r.WorkflowId, r.Status }).ToListAsync(ct);
        foreach (var child in children.Where(c => c.Status == ReferralStatus.Active))
            Add(open, child.Parent, $"{Display.Words(child.WorkflowId)} ({child.CaseCode})");

        var codes = referrals.ToDictionary(r => r.Id, r => r.CaseCode);
        var parents = children.ToDictionary(c => c.Id, c => codes.GetValueOrDefault(c.Parent));
        return [.. referrals.Select(r => new ReferralRow(
            r,
            titles.GetValueOrDefault((r.Workflow, r.Version), r.Workflow),
            r.Status == "active" ? open.GetValueOrDefault(r.Id) ?? [] : [],
            parents.GetValueOrDefault(r.Id)))];
    }

    private static void Add(Dictionary<Guid, List<string>> open, Guid referralId, string step)
    {
        if (!open.TryGetValue(referralId, out var steps)) open[referralId] = steps = [];
        steps.Add(step);
    }
}
