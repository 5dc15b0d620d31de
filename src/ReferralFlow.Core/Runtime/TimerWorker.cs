using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Timers;

namespace ReferralFlow.Core.Runtime;

/// <summary>
/// Fires due timers. Any number of workers may run against one database: each claims a batch under a
/// lease (SKIP LOCKED on PostgreSQL) and fires each timer in its own transaction.
/// </summary>
public sealed class TimerWorker(ReferralRuntime runtime, TimeProvider clock, string owner)
{
    public int BatchSize { get; init; } = 100;
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Fires everything due now, batch after batch, and returns how many timers fired.</summary>
    public async Task<int> DrainAsync(CancellationToken ct = default)
    {
        var fired = 0;
        while (!ct.IsCancellationRequested)
        {
            List<Guid> claimed;
            await using (var db = runtime.OpenDb())
            {
                var ids = await TimerClaims.ClaimDueAsync(db, owner, clock.GetUtcNow(), BatchSize, Lease, ct);
                // UPDATE … RETURNING does not keep the claim's ORDER BY: fire in due order, so a late worker
                // still sends the reminder before the escalation and the escalation before the timeout.
                claimed = await db.Timers.Where(t => ids.Contains(t.Id)).OrderBy(t => t.DueAt).ThenBy(t => t.Id)
                    .Select(t => t.Id).ToListAsync(ct);
            }
            if (claimed.Count == 0) break;
            foreach (var id in claimed)
                if (await runtime.FireTimerAsync(id, owner, ct)) fired++;
        }
        return fired;
    }
}
