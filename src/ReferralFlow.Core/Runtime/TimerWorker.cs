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
            IReadOnlyList<Guid> claimed;
            await using (var db = runtime.OpenDb())
                claimed = await TimerClaims.ClaimDueAsync(db, owner, clock.GetUtcNow(), BatchSize, Lease, ct);
            if (claimed.Count == 0) break;
            foreach (var id in claimed)
                if (await runtime.FireTimerAsync(id, owner, ct)) fired++;
        }
        return fired;
    }
}
