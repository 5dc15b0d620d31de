using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Outbox;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Core.Queries;

public static class OutboxQueries
{
    /// <summary>Messages not yet delivered (pending, including those waiting for a retry).</summary>
    public static Task<int> CountWaitingAsync(ReferralFlowDb db, CancellationToken ct = default) =>
        db.OutboxMessages.AsNoTracking().CountAsync(m => m.Status == OutboxStatus.Pending, ct);
}
