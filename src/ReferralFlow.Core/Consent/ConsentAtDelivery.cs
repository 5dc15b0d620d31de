using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Definitions;
using ReferralFlow.Core.History;
using ReferralFlow.Core.Outbox;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Engine.Execution;

namespace ReferralFlow.Core.Consent;

/// <summary>
/// The consent gate's second look, just before a request leaves: the organisation may have been assigned, or the
/// message re-queued by a retry, after the request was queued — when the gate had nobody to check. A request that no
/// valid consent covers now is taken out of the outbox and held exactly as the gate holds it at queue time, with its
/// "consent needed" task, in one transaction.
/// </summary>
internal static class ConsentAtDelivery
{
    /// <returns>True when the message was held instead of sent.</returns>
    public static async Task<bool> HoldAsync(Func<ReferralFlowDb> openDb, WorkflowLibrary library, Guid messageId, DateTimeOffset now,
        CancellationToken ct)
    {
        await using var db = openDb();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var message = await db.OutboxMessages.SingleAsync(m => m.Id == messageId, ct);
        if (message is not { Status: OutboxStatus.Pending, Kind: OutboxKinds.Request, HandOffId: { } handOffId }) return false;
        if (await db.HandOffs.AsNoTracking().SingleOrDefaultAsync(h => h.Id == handOffId, ct) is not { IsOpen: true }) return false;
        var referral = await db.Referrals.SingleAsync(r => r.Id == message.ReferralId, ct);

        var history = new List<HistoryEntry>();
        var queued = new MessageQueued(message.StepId, MessageKind.Request, message.Recipient, message.Template, handOffId, null);
        if (!await new ConsentGate(db, library, history).HoldsAsync(referral, queued, now, ct)) return false;

        db.OutboxMessages.Remove(message);
        db.History.AddRange(history);
        referral.Touch();
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }
}
