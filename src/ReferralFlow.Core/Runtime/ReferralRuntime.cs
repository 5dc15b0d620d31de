using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Definitions;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Engine.Execution;

namespace ReferralFlow.Core.Runtime;

/// <summary>
/// Carries referrals through their procedures. Every call is one database transaction covering the
/// referral's state, tasks, hand-offs, timers, outbox rows, history and incidents — for the referral
/// and any parent or child it touches. A concurrent change to the same referral is retried.
/// </summary>
public sealed class ReferralRuntime(Func<ReferralFlowDb> openDb, WorkflowLibrary library, TimeProvider clock)
{
    private const int MaxAttempts = 5;

    public Func<ReferralFlowDb> OpenDb => openDb;

    public WorkflowLibrary Library => library;

    /// <summary>Called after each commit with what it wrote; the benchmark uses it to build its baseline.</summary>
    public Action<CommitStats>? Committed { get; set; }

    public Task<StartedReferral> StartAsync(
        string workflowId, IReadOnlyDictionary<string, JsonNode?> input, string actor, CancellationToken ct = default) =>
        InTransactionAsync(unit => unit.StartAsync(workflowId, input, actor, ct), ct);

    public Task CompleteTaskAsync(Guid taskId, string outcome, IReadOnlyDictionary<string, JsonNode?> data, string actor, CancellationToken ct = default) =>
        InTransactionAsync(async unit =>
        {
            // Task and referral in one query, both tracked: the step then finds them without asking again.
            var task = (await unit.Db.Tasks.Where(t => t.Id == taskId)
                    .Join(unit.Db.Referrals, t => t.ReferralId, r => r.Id, (t, r) => new { Task = t, Referral = r })
                    .SingleOrDefaultAsync(ct))?.Task
                ?? throw new ReferralFlowException($"No task {taskId}; list open tasks with 'referralflow tasks list'.");
            await unit.ResumeAsync(task.ReferralId, new CompleteTask(taskId, outcome, data, actor), ct);
            return true;
        }, ct);

    public Task AnswerHandOffAsync(Guid handOffId, string outcome, IReadOnlyDictionary<string, JsonNode?> data, string actor, string channel, CancellationToken ct = default) =>
        InTransactionAsync(async unit =>
        {
            var handOff = (await unit.Db.HandOffs.Where(h => h.Id == handOffId)
                    .Join(unit.Db.Referrals, h => h.ReferralId, r => r.Id, (h, r) => new { HandOff = h, Referral = r })
                    .SingleOrDefaultAsync(ct))?.HandOff
                ?? throw new ReferralFlowException($"No hand-off {handOffId}; list them with 'referralflow handoffs list'.");
            await unit.ResumeAsync(handOff.ReferralId, new AnswerHandOff(handOffId, outcome, data, actor, channel), ct);
            return true;
        }, ct);

    public Task WithdrawAsync(Guid referralId, string actor, CancellationToken ct = default) =>
        InTransactionAsync(async unit => { await unit.ResumeAsync(referralId, new Withdraw(actor), ct); return true; }, ct);

    /// <summary>Retries every open incident of the referral: faulted steps run again, dead-lettered messages are queued
    /// again.</summary>
    public Task RetryIncidentsAsync(Guid referralId, string actor, CancellationToken ct = default) =>
        InTransactionAsync(async unit => { await unit.RetryAsync(referralId, actor, ct); return true; }, ct);

    /// <summary>
    /// Fires one claimed timer. The timer row is deleted in the same transaction as its effects, and only
    /// while this worker still holds its lease, so a timer fires exactly once even if a lease expires.
    /// </summary>
    public Task<bool> FireTimerAsync(Guid timerId, string owner, CancellationToken ct = default) =>
        InTransactionAsync(async unit =>
        {
            var timer = await unit.Db.Timers.AsNoTracking().SingleOrDefaultAsync(t => t.Id == timerId, ct);
            if (timer is null || timer.LeaseOwner != owner) return false;
            if (!await Timers.TimerClaims.TryConsumeAsync(unit.Db, timerId, owner, ct)) return false;
            await unit.ResumeIfActiveAsync(timer.ReferralId,
                new FireTimer(timer.Id, timer.TokenId, timer.Purpose, timer.Rung), ct);
            return true;
        }, ct);

    /// <summary>
    /// Starts a referral inside a transaction the caller owns (intake records the person and its audit entry in the
    /// same commit): everything is flushed, nothing committed. A refused input throws before anything is written.
    /// </summary>
    public async Task<StartedReferral> StartInAsync(ReferralFlowDb db, string workflowId,
        IReadOnlyDictionary<string, JsonNode?> input, string actor, ReferralParticulars particulars, CancellationToken ct = default)
    {
        var unit = new RuntimeUnit(db, library, clock);
        StartedReferral started;
        try
        {
            started = await unit.StartAsync(workflowId, input, actor, ct, particulars);
        }
        catch (WorkflowInputException e)
        {
            throw new ReferralFlowException(e.Message);
        }
        await unit.FlushAsync(ct);
        return started;
    }

    /// <summary>
    /// Applies a stimulus inside a transaction the caller owns (e.g. a partner's reply that also marks its
    /// tokens used and queues a notice): the caller commits, and retries on a concurrency conflict.
    /// </summary>
    public async Task ResumeInAsync(ReferralFlowDb db, Guid referralId, Stimulus stimulus, CancellationToken ct = default)
    {
        var unit = new RuntimeUnit(db, library, clock);
        try
        {
            await unit.ResumeAsync(referralId, stimulus, ct);
        }
        catch (WorkflowInputException e)
        {
            throw new ReferralFlowException(e.Message);
        }
        await unit.FlushAsync(ct);
    }

    /// <summary>Starts a referral inside a transaction the caller owns, optionally continuing a closed one (a court
    /// appearance reopening a case, Reopening/): the caller records what goes with it and commits.</summary>
    public async Task<StartedReferral> StartInAsync(ReferralFlowDb db, string workflowId, IReadOnlyDictionary<string, JsonNode?> input,
        string actor, Guid? continues, CancellationToken ct = default)
    {
        var unit = new RuntimeUnit(db, library, clock);
        StartedReferral started;
        try
        {
            started = await unit.StartAsync(workflowId, input, actor, ct, continues: continues);
        }
        catch (WorkflowInputException e)
        {
            throw new ReferralFlowException(e.Message);
        }
        await unit.FlushAsync(ct);
        return started;
    }

    private async Task<T> InTransactionAsync<T>(Func<RuntimeUnit, Task<T>> work, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = openDb();
            // The whole unit commits or rolls back as one; EF's savepoint around SaveChanges adds nothing.
            db.Database.AutoSavepointsEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var unit = new RuntimeUnit(db, library, clock);
                var result = await work(unit);
                await unit.FlushAsync(ct);
                await transaction.CommitAsync(ct);
                Committed?.Invoke(new CommitStats(unit.StepsRun, unit.RowsWritten));
                return result;
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                await transaction.RollbackAsync(ct);
            }
            catch (WorkflowInputException e)
            {
                throw new ReferralFlowException(e.Message);
            }
        }
    }
}

public sealed record StartedReferral(Guid Id, string CaseCode);

public readonly record struct CommitStats(int StepsRun, int RowsWritten);
