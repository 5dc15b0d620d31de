using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Acting;
using ReferralFlow.Core.Definitions;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Engine.Execution;

namespace ReferralFlow.Core.Runtime;

/// <summary>
/// Carries referrals through their procedures. Every call is one database transaction covering the
/// referral's state, tasks, hand-offs, timers, outbox rows, history and incidents — for the referral
/// and any parent or child it touches. A concurrent change to the same referral is retried.
/// With a <paramref name="protector"/>, a string variable typed mid-case that mentions the person is refused
/// (<see cref="People.PersonMentionCheck"/>); without one (benchmarks, the demo's rehearsal) nothing is compared.
/// </summary>
public sealed partial class ReferralRuntime(Func<ReferralFlowDb> openDb, WorkflowLibrary library, TimeProvider clock,
    Protection.PersonalDataProtector? protector = null)
{
    public Protection.PersonalDataProtector? Protector => protector;

    public Func<ReferralFlowDb> OpenDb => openDb;

    public WorkflowLibrary Library => library;

    /// <summary>Called after each commit with what it wrote; the benchmark uses it to build its baseline.</summary>
    public Action<CommitStats>? Committed { get; set; }

    public Task<StartedReferral> StartAsync(
        string workflowId, IReadOnlyDictionary<string, JsonNode?> input, Actor actor, CancellationToken ct = default) =>
        InTransactionAsync(actor, unit => unit.StartAsync(workflowId, input, ct), ct);

    /// <summary>Completes a task that shows no form. A task with a form completes only with a valid submission
    /// (<see cref="Forms.TaskForms"/>): a quick outcome would skip what the form asks.</summary>
    public Task CompleteTaskAsync(Guid taskId, string outcome, IReadOnlyDictionary<string, JsonNode?> data, Actor actor, CancellationToken ct = default) =>
        CompleteAsync(taskId, outcome, data, actor, formWaived: false, ct);

    /// <summary>
    /// Rehearsals only (the expected-path driver, the engine benchmark, tests of procedures): completes a task even
    /// when it shows a form, without one. Internal, so neither the web host nor the command line can reach it.
    /// </summary>
    internal Task CompleteTaskWithoutFormAsync(Guid taskId, string outcome, IReadOnlyDictionary<string, JsonNode?> data, Actor actor, CancellationToken ct = default) =>
        CompleteAsync(taskId, outcome, data, actor, formWaived: true, ct);

    private Task CompleteAsync(Guid taskId, string outcome, IReadOnlyDictionary<string, JsonNode?> data, Actor actor, bool formWaived, CancellationToken ct) =>
        InTransactionAsync(actor, async unit =>
        {
            // Task and referral in one query, both tracked: the step then finds them without asking again.
            var task = (await unit.Db.Tasks.Where(t => t.Id == taskId)
                    .Join(unit.Db.Referrals, t => t.ReferralId, r => r.Id, (t, r) => new { Task = t, Referral = r })
                    .SingleOrDefaultAsync(ct))?.Task
                ?? throw new ReferralFlowException($"No task {taskId}; list open tasks with 'referralflow tasks list'.");
            var wasOpen = task.Status == Tasks.WorkTaskStatus.Open;
            // The case's own tasks (the air-travel task) wait on no step: they close without resuming the procedure.
            if (CaseEvents.CaseTasks.IsCaseTask(task))
            {
                await CaseEvents.CaseTasks.CompleteAsync(unit.Db, actor, task, outcome, clock.GetUtcNow(), ct);
                return true;
            }
            await unit.ResumeAsync(task.ReferralId, new CompleteTask(taskId, outcome, data, actor.Name), ct);
            // Refused after the step ran, so a wrong outcome or datum is named first; the runner rolls all of it back.
            if (task.Form is { } form && !formWaived && wasOpen)
                throw new ReferralFlowException($"Task '{task.Title}' completes with its form '{form}' filled in: " +
                    "submit the form (the task's page, 'referralflow tasks complete --form FILE.json', or a 'form' object in the API request).");
            return true;
        }, ct);

    /// <summary>Records a partner's answer that reached staff by phone, in person or by e-mail; the link channel is
    /// the reply page's alone (<see cref="Replies.ReplySubmission"/>).</summary>
    public Task AnswerHandOffAsync(Guid handOffId, string outcome, IReadOnlyDictionary<string, JsonNode?> data, Actor actor, string channel, CancellationToken ct = default) =>
        InTransactionAsync(actor, async unit =>
        {
            var handOff = (await unit.Db.HandOffs.Where(h => h.Id == handOffId)
                    .Join(unit.Db.Referrals, h => h.ReferralId, r => r.Id, (h, r) => new { HandOff = h, Referral = r })
                    .SingleOrDefaultAsync(ct))?.HandOff
                ?? throw new ReferralFlowException($"No hand-off {handOffId}; list them with 'referralflow handoffs list'.");
            await unit.ResumeAsync(handOff.ReferralId, new AnswerHandOff(handOffId, outcome, data, actor.Name, channel), ct);
            return true;
        }, ct);

    public Task WithdrawAsync(Guid referralId, Actor actor, CancellationToken ct = default) =>
        InTransactionAsync(actor, async unit => { await unit.ResumeAsync(referralId, new Withdraw(actor.Name), ct); return true; }, ct);

    /// <summary>Retries every open incident of the referral: faulted steps run again, dead-lettered messages are queued
    /// again.</summary>
    public Task RetryIncidentsAsync(Guid referralId, Actor actor, CancellationToken ct = default) =>
        InTransactionAsync(actor, async unit => { await unit.RetryAsync(referralId, ct); return true; }, ct);

    /// <summary>
    /// Fires one claimed timer. The timer row is deleted in the same transaction as its effects, and only
    /// while this worker still holds its lease, so a timer fires exactly once even if a lease expires.
    /// </summary>
    public Task<bool> FireTimerAsync(Guid timerId, string owner, CancellationToken ct = default) =>
        InTransactionAsync(Actor.Timer, async unit =>
        {
            var timer = await unit.Db.Timers.AsNoTracking().SingleOrDefaultAsync(t => t.Id == timerId, ct);
            if (timer is null || timer.LeaseOwner != owner) return false;
            // Claimed just before its referral was suspended: left, leased, for the resume to re-plan.
            if (await CaseEvents.Suspensions.IsSuspendedAsync(unit.Db, timer.ReferralId, ct)) return false;
            if (!await Timers.TimerClaims.TryConsumeAsync(unit.Db, timerId, owner, ct)) return false;
            if (CaseEvents.CaseTimers.IsCaseTimer(timer))
            {
                await CaseEvents.CaseTimers.FireAsync(unit.Db, timer, clock.GetUtcNow(), ct);
                return true;
            }
            await unit.ResumeIfActiveAsync(timer.ReferralId,
                new FireTimer(timer.Id, timer.TokenId, timer.Purpose, timer.Rung), ct);
            return true;
        }, ct);

    /// <summary>
    /// Starts a referral inside a unit of work the caller runs (intake records the person and its audit entry in the
    /// same commit): everything is flushed, nothing committed. A refused input throws before anything is written.
    /// </summary>
    public Task<StartedReferral> StartInAsync(UnitOfWork work, string workflowId,
        IReadOnlyDictionary<string, JsonNode?> input, ReferralParticulars particulars, CancellationToken ct = default) =>
        InUnitAsync(work, unit => unit.StartAsync(workflowId, input, ct, particulars), ct);

    /// <summary>Starts a referral inside a unit of work the caller runs, continuing a closed one (a court appearance
    /// reopening a case, Reopening/): the caller records what goes with it.</summary>
    public Task<StartedReferral> StartInAsync(UnitOfWork work, string workflowId, IReadOnlyDictionary<string, JsonNode?> input,
        Guid continues, CancellationToken ct = default) =>
        InUnitAsync(work, unit => unit.StartAsync(workflowId, input, ct, continues: continues), ct);

    /// <summary>
    /// Applies a stimulus inside a unit of work the caller runs (e.g. a partner's reply that also marks its tokens used
    /// and queues a notice); the runner commits, and retries the whole unit on a concurrency conflict. The stimulus
    /// carries the unit's actor.
    /// </summary>
    public Task ResumeInAsync(UnitOfWork work, Guid referralId, Stimulus stimulus, CancellationToken ct = default) =>
        InUnitAsync(work, async unit => { await unit.ResumeAsync(referralId, stimulus, ct); return true; }, ct);

    private async Task<T> InUnitAsync<T>(UnitOfWork work, Func<RuntimeUnit, Task<T>> step, CancellationToken ct)
    {
        var unit = new RuntimeUnit(work.Db, library, clock, work.Actor, protector);
        T result;
        try
        {
            result = await step(unit);
        }
        catch (WorkflowInputException e)
        {
            throw new ReferralFlowException(e.Message);
        }
        await unit.FlushAsync(ct);
        return result;
    }

    private async Task<T> InTransactionAsync<T>(Actor actor, Func<RuntimeUnit, Task<T>> work, CancellationToken ct)
    {
        var stats = default(CommitStats);
        var result = await Transactions.RunAsync(openDb, actor, async unitOfWork =>
        {
            var unit = new RuntimeUnit(unitOfWork.Db, library, clock, actor, protector);
            T done;
            try
            {
                done = await work(unit);
            }
            catch (WorkflowInputException e)
            {
                throw new ReferralFlowException(e.Message);
            }
            await unit.FlushAsync(ct);
            stats = new CommitStats(unit.StepsRun, unit.RowsWritten);
            return done;
        }, ct);
        Committed?.Invoke(stats);
        return result;
    }
}

public sealed record StartedReferral(Guid Id, string CaseCode);

public readonly record struct CommitStats(int StepsRun, int RowsWritten);
