using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Core.Consent;

/// <summary>One consent change as one transaction: the record, its audit entry, its history and what it releases or
/// cancels commit together or not at all. A concurrent change to the same referral (its revision) is retried.</summary>
internal static class ConsentTransaction
{
    private const int MaxAttempts = 5;

    public static async Task<T> RunAsync<T>(Func<ReferralFlowDb> openDb, Func<ReferralFlowDb, Task<T>> work, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = openDb();
            db.Database.AutoSavepointsEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var result = await work(db);
                await transaction.CommitAsync(ct);
                return result;
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                await transaction.RollbackAsync(ct);
            }
        }
    }
}
