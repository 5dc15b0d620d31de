using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Core.Mail;

/// <summary>
/// Hands due outbox rows to delivery workers so that any number of them can poll one table. A claim moves the
/// row's <c>next_attempt_at</c> past the lease: no other worker sees it as due while it is being sent, and if the
/// worker dies the row simply falls due again. (Like <see cref="Timers.TimerClaims"/>, without lease columns:
/// a message sent twice after a lapsed lease carries the same Message-ID, so the receiver can recognise it.)
/// </summary>
public static class OutboxClaims
{
    public static async Task<IReadOnlyList<Guid>> ClaimDueAsync(
        ReferralFlowDb db, DateTimeOffset now, int batch, TimeSpan lease, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batch);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        // Raw SQL compares the stored UTC DateTime form (see UtcDateTimeConverter), so pass that form.
        var at = UtcDateTimeConverter.ToStore(now);
        var until = UtcDateTimeConverter.ToStore(now + lease);
        const string pending = nameof(Outbox.OutboxStatus.Pending);

        if (db.IsPostgres())
        {
            // SKIP LOCKED: concurrent workers take disjoint batches instead of queueing behind each other.
            return await db.Database.SqlQuery<Guid>($"""
                UPDATE outbox_messages SET next_attempt_at = {until}
                WHERE id IN (
                    SELECT id FROM outbox_messages
                    WHERE status = {pending} AND next_attempt_at <= {at}
                    ORDER BY next_attempt_at
                    LIMIT {batch}
                    FOR UPDATE SKIP LOCKED)
                RETURNING id AS "Value"
                """).ToListAsync(ct);
        }

        // SQLite has one writer at a time: the transaction takes the write lock with the UPDATE, so two processes
        // never claim the same rows; busy_timeout makes the other one wait.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Database.SqlQuery<Guid>($"""
            UPDATE outbox_messages SET next_attempt_at = {until}
            WHERE id IN (
                SELECT id FROM outbox_messages
                WHERE status = {pending} AND next_attempt_at <= {at}
                ORDER BY next_attempt_at
                LIMIT {batch})
            RETURNING id AS "Value"
            """).ToListAsync(ct);
        await transaction.CommitAsync(ct);
        return claimed;
    }
}
