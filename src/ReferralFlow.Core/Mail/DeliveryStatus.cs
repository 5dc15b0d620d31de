using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Consent;
using ReferralFlow.Core.Outbox;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Core.Mail;

/// <summary>One e-mail of a hand-off or referral as the CLI and web show it.</summary>
/// <param name="State"><c>queued</c> (not yet sent, perhaps after failed attempts), <c>sent</c>, <c>failed</c> or
/// <c>not needed</c>.</param>
/// <param name="At">Queued: when the next attempt is due. Sent: when it was sent. Failed: when it was given up.</param>
public sealed record MessageDelivery(
    Guid MessageId, Guid? HandOffId, string Kind, string Recipient, string Template, string State,
    DateTimeOffset At, int Attempts, string? LastError, DateTimeOffset QueuedAt);

/// <summary>Read model over the outbox: the delivery of every message, per hand-off or referral, oldest first.</summary>
public static class DeliveryStatus
{
    public const string Queued = "queued";
    public const string Sent = "sent";
    public const string Failed = "failed";

    /// <summary>Deliberately not e-mailed (obsolete, moved, or a reminder to staff): not a failure.</summary>
    public const string NotNeeded = "not needed";

    /// <summary>A hand-off's request the consent gate keeps back (<see cref="HeldRequest"/>): no message exists to show.</summary>
    public const string Held = "held";

    /// <summary>Why a request is held: the only reason there is.</summary>
    public const string ConsentNeeded = "consent needed";

    /// <summary>Since when each of these hand-offs has a request held for consent (still held, not released or dropped).</summary>
    public static async Task<IReadOnlyDictionary<Guid, DateTimeOffset>> HeldSinceByHandOffAsync(
        ReferralFlowDb db, IReadOnlyCollection<Guid> handOffIds, CancellationToken ct = default)
    {
        var held = await db.HeldRequests.AsNoTracking()
            .Where(h => h.Status == HeldRequestStatus.Held && handOffIds.Contains(h.HandOffId))
            .Select(h => new { h.HandOffId, h.HeldAt }).ToListAsync(ct);
        return held.GroupBy(h => h.HandOffId).ToDictionary(g => g.Key, g => g.Min(h => h.HeldAt));
    }

    public static Task<IReadOnlyList<MessageDelivery>> ForHandOffAsync(ReferralFlowDb db, Guid handOffId, CancellationToken ct = default) =>
        ListAsync(db.OutboxMessages.AsNoTracking().Where(m => m.HandOffId == handOffId), ct);

    public static Task<IReadOnlyList<MessageDelivery>> ForReferralAsync(ReferralFlowDb db, Guid referralId, CancellationToken ct = default) =>
        ListAsync(db.OutboxMessages.AsNoTracking().Where(m => m.ReferralId == referralId), ct);

    /// <summary>The latest message of each hand-off (its request, or the last reminder), for a hand-off list.</summary>
    public static async Task<IReadOnlyDictionary<Guid, MessageDelivery>> LatestByHandOffAsync(
        ReferralFlowDb db, IReadOnlyCollection<Guid> handOffIds, CancellationToken ct = default)
    {
        var all = await ListAsync(db.OutboxMessages.AsNoTracking().Where(m => m.HandOffId != null && handOffIds.Contains(m.HandOffId.Value)), ct);
        return all.GroupBy(d => d.HandOffId!.Value).ToDictionary(g => g.Key, g => g.Last());
    }

    private static async Task<IReadOnlyList<MessageDelivery>> ListAsync(IQueryable<OutboxMessage> messages, CancellationToken ct)
    {
        var rows = await messages.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync(ct);
        return [.. rows.Select(m => new MessageDelivery(
            m.Id, m.HandOffId, m.Kind, m.Recipient, m.Template, StateOf(m.Status),
            m.Status == OutboxStatus.Sent ? m.SentAt ?? m.NextAttemptAt : m.NextAttemptAt,
            m.Attempts, m.LastError, m.CreatedAt))];
    }

    /// <summary>The read model's word for an outbox status.</summary>
    public static string StateOf(OutboxStatus status) => status switch
    {
        OutboxStatus.Pending => Queued,
        OutboxStatus.Sent => Sent,
        OutboxStatus.Dead => Failed,
        OutboxStatus.NotNeeded => NotNeeded,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown outbox status."),
    };
}
