using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Core.Tasks;
using ReferralFlow.Engine.Execution;
using TimerPurpose = ReferralFlow.Engine.Execution.TimerPurpose;

namespace ReferralFlow.Core.Queries;

/// <summary>
/// What a referral waits on. Tasks and hand-offs have their own rows; a wait step is found by its timer and a
/// waiting subworkflow by its child referral. Parallel steps are not listed: their branches are.
/// </summary>
internal static class OpenSteps
{
    public static async Task<IReadOnlyList<OpenStep>> OfAsync(ReferralFlowDb db, Referral referral, CancellationToken ct)
    {
        var id = referral.Id;
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.ReferralId == id && t.Status == WorkTaskStatus.Open)
            .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).ToListAsync(ct);
        var handOffs = await db.HandOffs.AsNoTracking().Where(h => h.ReferralId == id).Where(OpenHandOffs.Filter)
            .OrderBy(h => h.CreatedAt).ThenBy(h => h.Id).ToListAsync(ct);
        var waits = await db.Timers.AsNoTracking().Where(t => t.ReferralId == id && t.Purpose == TimerPurpose.Wait)
            .OrderBy(t => t.DueAt).ToListAsync(ct);
        var waitingTokens = InstanceState.Deserialize(referral.StateJson).Tokens
            .Where(t => t.Status == TokenStatus.Waiting).ToDictionary(t => t.Id);
        var children = await db.Referrals.AsNoTracking()
            .Where(r => r.ParentReferralId == id && r.Status == ReferralStatus.Active)
            .OrderBy(r => r.StartedAt).ToListAsync(ct);

        var steps = new List<OpenStep>();
        steps.AddRange(tasks.Select(t => new OpenStep(t.StepId, "task", t.Id, t.Title, t.Role, t.DueAt, t.Outcomes)));
        steps.AddRange(handOffs.Select(h => new OpenStep(h.StepId, "handoff", h.Id, h.Title, h.Partner, h.DueAt, h.Outcomes)));
        steps.AddRange(waits.Select(w => new OpenStep(w.StepId, "wait", null, w.StepId, null, w.DueAt, ["done"])));
        foreach (var child in children)
            if (child.ParentTokenId is { } token && waitingTokens.TryGetValue(token, out var waiting) && waiting.BookmarkId == child.Id)
                steps.Add(new OpenStep(waiting.StepId, "subworkflow", child.Id, $"{child.WorkflowId} ({child.CaseCode})", null, null, []));
        return steps;
    }
}
