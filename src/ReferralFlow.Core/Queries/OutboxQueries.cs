using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Mail;
using ReferralFlow.Core.Outbox;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Core.Queries;

/// <summary>One outbox row for the "Outgoing mail" page: routing and delivery only, never the body or an address.</summary>
/// <param name="Status"><c>queued</c>, <c>sent</c>, <c>failed</c> or <c>not needed</c> (see <see cref="DeliveryStatus"/>).</param>
public sealed record OutboxRow(
    Guid Id, Guid ReferralId, string CaseCode, string Kind, string Template, string Recipient, string Status,
    int Attempts, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, string? LastError, DateTimeOffset CreatedAt);

public static class OutboxQueries
{
    /// <summary>The latest <paramref name="limit"/> outbox messages, newest first.</summary>
    public static async Task<IReadOnlyList<OutboxRow>> LatestAsync(ReferralFlowDb db, int limit = 200, CancellationToken ct = default,
        IQueryable<Guid>? withinReferrals = null)
    {
        var messages = db.OutboxMessages.AsNoTracking();
        if (withinReferrals is not null) messages = messages.Where(m => withinReferrals.Contains(m.ReferralId));
        var rows = await messages
            .Join(db.Referrals.AsNoTracking(), m => m.ReferralId, r => r.Id, (m, r) => new
            {
                m.Id, m.ReferralId, r.CaseCode, m.Kind, m.Template, m.Recipient, m.Status,
                m.Attempts, m.NextAttemptAt, m.SentAt, m.LastError, m.CreatedAt,
            })
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Take(limit)
            .ToListAsync(ct);
        return [.. rows.Select(m => new OutboxRow(
            m.Id, m.ReferralId, m.CaseCode, m.Kind, m.Template, m.Recipient, DeliveryStatus.StateOf(m.Status),
            m.Attempts, m.NextAttemptAt, m.SentAt, m.LastError, m.CreatedAt))];
    }

    /// <summary>Messages not yet delivered (pending, including those waiting for a retry).</summary>
    public static Task<int> CountWaitingAsync(ReferralFlowDb db, CancellationToken ct = default) =>
        db.OutboxMessages.AsNoTracking().CountAsync(m => m.Status == OutboxStatus.Pending, ct);
}
