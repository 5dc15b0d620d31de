using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Tasks;

namespace ReferralFlow.Core.Queries;

/// <summary>An open task in a work queue; <see cref="Outcomes"/> lists the expected outcome first.</summary>
public sealed record TaskSummary(
    Guid Id,
    Guid ReferralId,
    string CaseCode,
    string Step,
    string Title,
    string Role,
    string? Form,
    IReadOnlyList<string> Outcomes,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DueAt);

public static class TaskQueries
{
    /// <summary>Open tasks, the most urgent first (tasks without a due time last).</summary>
    public static async Task<IReadOnlyList<TaskSummary>> ListOpenAsync(
        ReferralFlowDb db, Guid? referralId = null, CancellationToken ct = default, IQueryable<Guid>? withinReferrals = null)
    {
        var tasks = db.Tasks.AsNoTracking().Where(t => t.Status == WorkTaskStatus.Open);
        if (withinReferrals is not null) tasks = tasks.Where(t => withinReferrals.Contains(t.ReferralId));
        if (referralId is { } id) tasks = tasks.Where(t => t.ReferralId == id);
        var rows = await tasks
            .Join(db.Referrals.AsNoTracking(), t => t.ReferralId, r => r.Id, (t, r) => new { Task = t, r.CaseCode })
            .OrderBy(x => x.Task.DueAt == null).ThenBy(x => x.Task.DueAt).ThenBy(x => x.Task.CreatedAt).ThenBy(x => x.Task.Id)
            .ToListAsync(ct);
        return [.. rows.Select(x => new TaskSummary(
            x.Task.Id, x.Task.ReferralId, x.CaseCode, x.Task.StepId, x.Task.Title, x.Task.Role, x.Task.Form,
            x.Task.Outcomes, x.Task.CreatedAt, x.Task.DueAt))];
    }
}
