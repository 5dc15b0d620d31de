using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Acting;

namespace ReferralFlow.Core.Persistence;

/// <summary>What a write works with: its own database context inside one transaction, and who is acting.</summary>
public sealed record UnitOfWork(ReferralFlowDb Db, Actor Actor, int Attempt);

/// <summary>
/// The one path for every write (DESIGN.md §4, §7): open a context, begin, run the work, save, commit. Optimistic
/// concurrency (the referral's revision) makes a concurrent change fail the save; the work then runs again from the
/// start on a fresh context, which sees what the other writer did, up to <see cref="MaxAttempts"/> times. Anything the
/// work throws rolls everything back.
/// </summary>
public static class Transactions
{
    public const int MaxAttempts = 5;

    public static async Task<T> RunAsync<T>(Func<ReferralFlowDb> openDb, Actor actor, Func<UnitOfWork, Task<T>> work, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = openDb();
            // The whole unit commits or rolls back as one; EF's savepoint around SaveChanges adds nothing.
            db.Database.AutoSavepointsEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var result = await work(new UnitOfWork(db, actor, attempt));
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return result;
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                await transaction.RollbackAsync(ct);
            }
        }
    }

    public static Task RunAsync(Func<ReferralFlowDb> openDb, Actor actor, Func<UnitOfWork, Task> work, CancellationToken ct) =>
        RunAsync(openDb, actor, async unit => { await work(unit); return true; }, ct);
}
