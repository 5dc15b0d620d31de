using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ReferralFlow.Core.Audit;

/// <summary>
/// Moves the head checkpoint forward once a transaction that appended audit entries has committed, whoever owns the
/// transaction (the context's own save or a caller's unit of work). Never before the commit: a checkpoint naming an
/// entry that was rolled back would later read as a deleted entry. The seal notes the new head against the
/// transaction's id, so a transaction disposed without commit leaves nothing behind.
/// </summary>
internal sealed class AuditCheckpointWriter : DbTransactionInterceptor
{
    public static readonly AuditCheckpointWriter Instance = new();

    private static readonly ConditionalWeakTable<DbContext, Sealed> Pending = new();

    private sealed record Sealed(Guid TransactionId, string KeysFolder, AuditKey Key, AuditCheckpoint Checkpoint);

    /// <summary>Called by the seal, inside the transaction that inserts the entries.</summary>
    public static void Note(DbContext db, string keysFolder, AuditKey key, AuditCheckpoint checkpoint)
    {
        if (db.Database.CurrentTransaction is { } transaction)
            Pending.AddOrUpdate(db, new Sealed(transaction.TransactionId, keysFolder, key, checkpoint));
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Advance(eventData);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Advance(eventData);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData);
        return Task.CompletedTask;
    }

    private static void Advance(TransactionEndEventData eventData)
    {
        if (eventData.Context is not { } db || !Pending.TryGetValue(db, out var sealedHead)) return;
        Pending.Remove(db);
        if (sealedHead.TransactionId != eventData.TransactionId) return;
        try
        {
            sealedHead.Checkpoint.Advance(sealedHead.KeysFolder, sealedHead.Key);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ReferralFlowException)
        {
            // The change is committed and must stand; the checkpoint only lags. The next audited commit or
            // 'audit verify' moves it on, and a damaged checkpoint is left as found for 'audit verify' to report.
        }
    }

    private static void Forget(TransactionEndEventData eventData)
    {
        if (eventData.Context is { } db) Pending.Remove(db);
    }
}
