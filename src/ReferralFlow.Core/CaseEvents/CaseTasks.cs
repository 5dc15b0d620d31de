using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Acting;
using ReferralFlow.Core.Audit;
using ReferralFlow.Core.CaseRecords;
using ReferralFlow.Core.History;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Core.Tasks;

namespace ReferralFlow.Core.CaseEvents;

/// <summary>
/// Caseworker tasks that belong to the case, not to a procedure step (the air-travel task): rows of the one task table,
/// listed and shown with the procedure's tasks, with the case token (<see cref="CaseTimers.Token"/>) and no engine
/// bookmark. Completing one closes it here (Runtime/ReferralRuntime) and the procedure is not resumed; the referral
/// closing cancels those still open (Runtime/RuntimeUnit.Effects). Each change is in the history and the audit trail.
/// </summary>
public static class CaseTasks
{
    public const string Role = "caseworker";
    public const string AuditPrefix = "case.task-";

    public static bool IsCaseTask(WorkTask task) => task.TokenId == CaseTimers.Token;

    /// <summary>Opens a caseworker task of the case in the caller's unit of work.</summary>
    public static WorkTask Open(ReferralFlowDb db, Actor actor, Guid referralId, string stepId, string title,
        IReadOnlyList<string> outcomes, DateTimeOffset now, DateTimeOffset? dueAt)
    {
        var task = new WorkTask
        {
            Id = Guid.CreateVersion7(now), ReferralId = referralId, TokenId = CaseTimers.Token, StepId = stepId, Title = title,
            Role = Role, Outcomes = outcomes, CreatedAt = now, DueAt = dueAt,
        };
        db.Tasks.Add(task);
        Write(db, actor, task, HistoryKinds.TaskCreated, "opened", now, $"{title} (due {dueAt:yyyy-MM-dd})");
        return task;
    }

    /// <summary>Completes a case task with one of its outcomes, as the procedure's own tasks are: not on a closed or a
    /// suspended referral. Data sent with it is not kept: a case task sets no variable.</summary>
    public static async Task CompleteAsync(ReferralFlowDb db, Actor actor, WorkTask task, string outcome, DateTimeOffset now, CancellationToken ct)
    {
        var referral = await db.Referrals.SingleAsync(r => r.Id == task.ReferralId, ct);
        if (referral.Status != ReferralStatus.Active)
            throw new ReferralFlowException($"Referral {referral.CaseCode} is {referral.Status.ToString().ToLowerInvariant()}; nothing can change on it.");
        await Suspensions.RefuseCompletingAsync(db, referral.Id, referral.CaseCode, ct);
        if (task.Status != WorkTaskStatus.Open)
            throw new ReferralFlowException($"Task '{task.Title}' is already {task.Status.ToString().ToLowerInvariant()}; nothing was changed.");
        if (!task.Outcomes.Contains(outcome, StringComparer.Ordinal))
            throw new ReferralFlowException($"Task '{task.Title}' has no outcome '{outcome}'; allowed: {string.Join(", ", task.Outcomes)}.");
        task.Complete(outcome, now, actor.Name);
        referral.Touch();
        Write(db, actor, task, HistoryKinds.TaskCompleted, "completed", now, outcome);
    }

    /// <summary>Cancels the referral's open case tasks of <paramref name="stepId"/> (all of them when null): re-planned,
    /// or the case closed.</summary>
    public static async Task CancelOpenAsync(ReferralFlowDb db, Actor actor, Guid referralId, string? stepId, DateTimeOffset now,
        string why, CancellationToken ct)
    {
        var open = db.Tasks.Local.Where(t => t.ReferralId == referralId && t.TokenId == CaseTimers.Token && t.Status == WorkTaskStatus.Open)
            .Concat(await db.Tasks.Where(t => t.ReferralId == referralId && t.TokenId == CaseTimers.Token && t.Status == WorkTaskStatus.Open)
                .ToListAsync(ct))
            .Distinct()
            .Where(t => stepId is null || t.StepId == stepId)
            .ToList();
        foreach (var task in open)
        {
            task.Cancel(now);
            Write(db, actor, task, HistoryKinds.TaskCancelled, "cancelled", now, why);
        }
    }

    private static void Write(ReferralFlowDb db, Actor actor, WorkTask task, string historyKind, string verb, DateTimeOffset at, string detail)
    {
        RecordHistory.Add(db, task.ReferralId, historyKind, at, actor.Name, detail, task.StepId);
        AuditTrail.Record(db, actor, AuditPrefix + verb, task.ReferralId, $"task {task.Id}", at, detail);
    }
}
