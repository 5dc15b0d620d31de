using ReferralFlow.Core.Acting;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Audit;
using ReferralFlow.Core.CaseRecords;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Core.Runtime;

namespace ReferralFlow.Core.Reopening;

public sealed record Reopened(Guid ReferralId, string CaseCode, Guid ContinuationId, string ContinuationCaseCode);

/// <summary>
/// Reopens a closed referral when the person is summoned to court, often a year after the return (phase 13, REQ-63,
/// F38). The closed referral stays closed, with its history untouched: a new referral on the court-appearance
/// procedure continues it (its parent), under the same case code (Referrals/CaseParts), so the partner roles assigned
/// to the case are found again, and both histories and the audit trail say so. One transaction: continuation, history lines and audit entry, or nothing.
/// </summary>
public sealed class Reopening(ReferralRuntime runtime, Actor actor, TimeProvider clock)
{
    /// <summary>The procedures that may reopen a closed referral. Only a court appearance does in practice; anything
    /// else that happens after closure (a new return, new assistance) is a new referral with consent of its own.</summary>
    public static readonly IReadOnlySet<string> Procedures = new HashSet<string>(StringComparer.Ordinal) { "court-appearance" };

    public async Task<Reopened> ReopenAsync(string reference, string workflowId, IReadOnlyDictionary<string, JsonNode?> input, CancellationToken ct)
    {
        if (!Procedures.Contains(workflowId))
            throw new ReferralFlowException($"Only a court appearance reopens a closed referral (--workflow {string.Join(" or ", Procedures)}), " +
                $"not '{workflowId}': start a new referral with 'referralflow referrals start' for anything else.");
        return await Transactions.RunAsync(runtime.OpenDb, actor, async unit =>
        {
            var db = unit.Db;
            var closed = await RecordedReferral.FindAsync(db, reference, ct);
            await CheckAsync(db, closed, ct);
            var now = clock.GetUtcNow();
            // Touching the closed referral makes two reopenings at once collide on its revision: one wins, the
            // other retries and finds the continuation running.
            closed.Touch();
            await db.SaveChangesAsync(ct);
            var started = await runtime.StartInAsync(unit, workflowId, input, closed.Id, ct);
            RecordHistory.Add(db, closed.Id, RecordHistory.Reopened, now, actor.Name,
                $"reopened for a court appearance: continues as {started.CaseCode} on {workflowId} (id {started.Id})");
            RecordHistory.Add(db, started.Id, RecordHistory.Continues, now, actor.Name,
                $"continues {closed.CaseCode} (closed {closed.ClosedAt:yyyy-MM-dd}, outcome {closed.Outcome}, id {closed.Id})");
            AuditTrail.Record(db, actor, "referral.reopened", closed.Id, $"referral {closed.Id}", now, $"continuation {started.Id} on {workflowId}");
            return new Reopened(closed.Id, closed.CaseCode, started.Id, started.CaseCode);
        }, ct);
    }

    private static readonly HashSet<string> FollowUps = new(StringComparer.Ordinal) { "monitoring", "court-appearance" };

    private static async Task CheckAsync(Persistence.ReferralFlowDb db, Referral referral, CancellationToken ct)
    {
        // The code names the case where it stands, so while a reopening runs it names that continuation.
        if (referral is { Status: ReferralStatus.Active, ParentReferralId: { } followed, ParentTokenId: null } && Procedures.Contains(referral.WorkflowId))
        {
            var closedCode = await db.Referrals.AsNoTracking().Where(r => r.Id == followed).Select(r => r.CaseCode).SingleAsync(ct);
            throw new ReferralFlowException($"Referral {closedCode} is already reopened: its court appearance {referral.CaseCode} is still running.");
        }
        switch (referral.Status)
        {
            case ReferralStatus.Active:
                throw new ReferralFlowException($"Referral {referral.CaseCode} is still active: only a closed referral is reopened. " +
                    "For a hearing during an open case, start the court-appearance procedure with 'referralflow referrals start'.");
            case ReferralStatus.Withdrawn:
                throw new ReferralFlowException($"Referral {referral.CaseCode} was withdrawn, not closed: it is not reopened. " +
                    "If the person now agrees to testify, start a new referral on court-appearance with their consent.");
        }
        // A follow-up (monitoring, an earlier court appearance) is part of the case it follows; a child procedure that
        // took a case over (child-return started from an adult intake) is the case itself.
        if (referral.ParentReferralId is { } parentId && FollowUps.Contains(referral.WorkflowId))
        {
            var parent = await db.Referrals.AsNoTracking().Where(r => r.Id == parentId).Select(r => r.CaseCode).SingleAsync(ct);
            throw new ReferralFlowException($"{referral.CaseCode} is a part ({referral.WorkflowId}) of referral {parent}: reopen {parent} instead.");
        }
        var running = await db.Referrals.AsNoTracking()
            .Where(r => r.ParentReferralId == referral.Id && r.ParentTokenId == null && r.Status == ReferralStatus.Active)
            .Select(r => r.CaseCode).FirstOrDefaultAsync(ct);
        if (running is not null)
            throw new ReferralFlowException($"Referral {referral.CaseCode} is already reopened: its court appearance {running} is still running.");
    }
}
