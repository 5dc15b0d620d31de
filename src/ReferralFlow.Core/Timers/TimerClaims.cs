using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Core.Timers;

/// <summary>
/// Hands due timers to workers so that any number of processes can poll the one timer table and each timer
/// fires once: a worker leases a batch (<see cref="ClaimDueAsync"/>), then applies each timer's effect in a
/// transaction that also deletes the row only while it still holds the lease (<see cref="TryConsumeAsync"/>).
/// A worker that dies leaves its lease to expire; another worker then reclaims the timer. The timers of a suspended
/// referral (CaseEvents/CaseSuspension) are not claimed: they wait, paused, until it resumes.
/// </summary>
public static class TimerClaims
{
    public static async Task<IReadOnlyList<Guid>> ClaimDueAsync(
        ReferralFlowDb db, string owner, DateTimeOffset now, int batch, TimeSpan lease, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batch);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);

        // Raw SQL compares the stored UTC DateTime form (see UtcDateTimeConverter), so pass that form.
        var at = UtcDateTimeConverter.ToStore(now);
        var until = UtcDateTimeConverter.ToStore(now + lease);

        if (db.IsPostgres())
        {
            // SKIP LOCKED: concurrent claimers take disjoint batches instead of queueing behind each other.
            return await db.Database.SqlQuery<Guid>($"""
                UPDATE timers SET lease_owner = {owner}, lease_expires_at = {until}
                WHERE id IN (
                    SELECT id FROM timers
                    WHERE due_at <= {at} AND (lease_expires_at IS NULL OR lease_expires_at <= {at})
                      AND NOT EXISTS (SELECT 1 FROM case_suspensions s WHERE s.referral_id = timers.referral_id AND s.resumed_at IS NULL)
                    ORDER BY due_at
                    LIMIT {batch}
                    FOR UPDATE SKIP LOCKED)
                RETURNING id AS "Value"
                """).ToListAsync(ct);
        }

        // SQLite has one writer at a time: the (immediate) transaction takes the write lock before the
        // select, so two processes can never read the same free rows. busy_timeout makes the other wait.
        var own = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(ct)
            : null;
        try
        {
            var claimed = await db.Database.SqlQuery<Guid>($"""
                UPDATE timers SET lease_owner = {owner}, lease_expires_at = {until}
                WHERE id IN (
                    SELECT id FROM timers
                    WHERE due_at <= {at} AND (lease_expires_at IS NULL OR lease_expires_at <= {at})
                      AND NOT EXISTS (SELECT 1 FROM case_suspensions s WHERE s.referral_id = timers.referral_id AND s.resumed_at IS NULL)
                    ORDER BY due_at
                    LIMIT {batch})
                RETURNING id AS "Value"
                """).ToListAsync(ct);
            if (own is not null) await own.CommitAsync(ct);
            return claimed;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    /// <summary>Deletes the timer if <paramref name="owner"/> still holds its lease. Call it inside the
    /// transaction that applies the timer's effect and roll back when it returns false: the lease expired and
    /// another worker took the timer over, so this worker's effect must not count.</summary>
    public static async Task<bool> TryConsumeAsync(ReferralFlowDb db, Guid timerId, string owner, CancellationToken ct) =>
        await db.Timers
            .Where(t => t.Id == timerId && t.LeaseOwner == owner)
            .ExecuteDeleteAsync(ct) > 0;
}
