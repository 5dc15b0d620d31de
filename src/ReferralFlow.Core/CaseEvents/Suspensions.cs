using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Timers;

namespace ReferralFlow.Core.CaseEvents;

/// <summary>What a suspension means to the rest of the runtime: its open row, the refusal to complete a task, and the
/// re-planning of timers on resume. The timer claim itself skips suspended referrals (Timers/TimerClaims).</summary>
public static class Suspensions
{
    public static async Task<CaseSuspension?> OpenAsync(ReferralFlowDb db, Guid referralId, CancellationToken ct) =>
        db.Set<CaseSuspension>().Local.FirstOrDefault(s => s.ReferralId == referralId && s.ResumedAt == null)
        ?? await db.Set<CaseSuspension>().SingleOrDefaultAsync(s => s.ReferralId == referralId && s.ResumedAt == null, ct);

    public static Task<bool> IsSuspendedAsync(ReferralFlowDb db, Guid referralId, CancellationToken ct) =>
        db.Set<CaseSuspension>().AnyAsync(s => s.ReferralId == referralId && s.ResumedAt == null, ct);

    /// <summary>Called for every task completion (Runtime/RuntimeUnit): a suspended referral's tasks wait for it to resume.</summary>
    public static async Task RefuseCompletingAsync(ReferralFlowDb db, Guid referralId, string caseCode, CancellationToken ct)
    {
        if (await OpenAsync(db, referralId, ct) is { } open)
            throw new ReferralFlowException($"Referral {caseCode} is suspended since {open.SuspendedAt:u} ({open.Reason}): its tasks " +
                $"cannot be completed until it is resumed ('referralflow referrals resume {caseCode}'); nothing was recorded.");
    }

    /// <summary>Moves the referral's procedure timers <paramref name="span"/> later and frees any lease a worker took just
    /// before the suspension; the case's own timers (<see cref="CaseTimers"/>) stay where they are.</summary>
    public static async Task<int> MoveTimersAsync(ReferralFlowDb db, Guid referralId, TimeSpan span, CancellationToken ct)
    {
        var timers = await db.Timers.Where(t => t.ReferralId == referralId && t.TokenId != CaseTimers.Token).ToListAsync(ct);
        foreach (var timer in timers)
        {
            var entry = db.Entry(timer);
            entry.Property(t => t.DueAt).CurrentValue = timer.DueAt + span;
            entry.Property(t => t.LeaseOwner).CurrentValue = null;
            entry.Property(t => t.LeaseExpiresAt).CurrentValue = null;
        }
        // Free the case's own timers too: a lease taken while suspended must not delay them further.
        foreach (var own in await db.Timers.Where(t => t.ReferralId == referralId && t.TokenId == CaseTimers.Token && t.LeaseOwner != null).ToListAsync(ct))
        {
            db.Entry(own).Property(t => t.LeaseOwner).CurrentValue = null;
            db.Entry(own).Property(t => t.LeaseExpiresAt).CurrentValue = null;
        }
        return timers.Count;
    }

    /// <summary>"9 days 4 hours", "35 minutes".</summary>
    public static string Describe(TimeSpan span)
    {
        var parts = new List<string>();
        if (span.Days > 0) parts.Add($"{span.Days} day{(span.Days == 1 ? "" : "s")}");
        if (span.Hours > 0) parts.Add($"{span.Hours} hour{(span.Hours == 1 ? "" : "s")}");
        if (span.Days == 0 && span.Minutes > 0) parts.Add($"{span.Minutes} minute{(span.Minutes == 1 ? "" : "s")}");
        return parts.Count == 0 ? "less than a minute" : string.Join(" ", parts);
    }
}
