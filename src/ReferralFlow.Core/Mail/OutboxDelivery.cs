using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Consent;
using ReferralFlow.Core.Definitions;
using ReferralFlow.Core.Outbox;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Core.Mail;

/// <summary>How one delivery pass ended, by message.</summary>
public sealed record DeliveryPass(int Sent, int Retrying, int Failed)
{
    /// <summary>Requests the consent gate took back at delivery: no valid consent covers their recipient now.</summary>
    public int Held { get; init; }

    /// <summary>Messages with nothing left to say (a staff reminder, which the task inbox shows; a request whose
    /// hand-off was answered before it went): closed without sending and, unlike <see cref="Failed"/>, no fault.</summary>
    public int NotNeeded { get; init; }

    public int Total => Sent + Retrying + Failed + Held + NotNeeded;
}

/// <summary>
/// Delivers the outbox after the engine committed it (DESIGN.md §4): claims due pending rows, renders and sends
/// each, then records the result in a transaction of its own — sent; or retried later with exponential backoff;
/// or, after the last attempt or when nobody can be addressed, dead-lettered with an incident on the referral.
/// Any number of workers may run this against one database.
/// </summary>
public sealed class OutboxDelivery(
    Func<ReferralFlowDb> openDb,
    IAddressBook addressBook,
    IEmailSender sender,
    TemplateSet templates,
    IReplyLinks replyLinks,
    WorkflowLibrary library,
    MailSettings settings,
    TimeProvider clock)
{
    private readonly MessageComposer composer = new(addressBook, templates, replyLinks, library, settings);

    public int BatchSize { get; init; } = 20;

    /// <summary>Longer than a batch of slow sends (<see cref="SmtpEmailSender.Timeout"/> each), so that another
    /// worker does not take a message over while it is still being sent.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Delivers every message due now, batch after batch.</summary>
    public async Task<DeliveryPass> DeliverDueAsync(CancellationToken ct = default)
    {
        var pass = new DeliveryPass(0, 0, 0);
        while (!ct.IsCancellationRequested)
        {
            IReadOnlyList<Guid> claimed;
            await using (var db = openDb())
                claimed = await OutboxClaims.ClaimDueAsync(db, clock.GetUtcNow(), BatchSize, Lease, ct);
            if (claimed.Count == 0) break;
            // Claimed rows are no longer due (their next attempt moved past the lease), so the loop ends.
            foreach (var id in claimed.Order())
                pass = await DeliverOneAsync(id, ct) switch
                {
                    Delivered.Sent => pass with { Sent = pass.Sent + 1 },
                    Delivered.Failed => pass with { Failed = pass.Failed + 1 },
                    Delivered.Held => pass with { Held = pass.Held + 1 },
                    Delivered.NotNeeded => pass with { NotNeeded = pass.NotNeeded + 1 },
                    _ => pass with { Retrying = pass.Retrying + 1 },
                };
        }
        return pass;
    }

    /// <summary>How one message's attempt ended. NotNeeded: obsolete (stored as dead, without an incident);
    /// Held: the consent gate took the request back.</summary>
    private enum Delivered { Sent, Retrying, Failed, Held, NotNeeded }

    private static Delivered From(OutboxStatus status) => status switch
    {
        OutboxStatus.Sent => Delivered.Sent,
        OutboxStatus.Dead => Delivered.Failed,
        OutboxStatus.NotNeeded => Delivered.NotNeeded,
        _ => Delivered.Retrying,
    };

    private async Task<Delivered> DeliverOneAsync(Guid id, CancellationToken ct)
    {
        Composition composition;
        try
        {
            await using var db = openDb();
            var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, ct);
            if (message.Status != OutboxStatus.Pending) return From(message.Status);
            if (message.Kind == OutboxKinds.Request && await ConsentAtDelivery.HoldAsync(openDb, library, id, clock.GetUtcNow(), ct))
                return Delivered.Held;
            composition = await composer.ComposeAsync(db, message, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A template or directory problem may be fixed before the next attempt: retry, as for a send error.
            return From(await OutboxOutcomes.FailedAsync(openDb, id, Describe(e), settings.MaxAttempts, clock, ct));
        }

        switch (composition)
        {
            case NoAddress noAddress:
                return From(await OutboxOutcomes.DeadAsync(openDb, id, noAddress.Reason, raiseIncident: true, clock, ct));
            case Obsolete obsolete:
                return From(await OutboxOutcomes.NotNeededAsync(openDb, id, obsolete.Reason, clock, ct));
        }
        try
        {
            await sender.SendAsync(((ReadyToSend)composition).Email, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return From(await OutboxOutcomes.FailedAsync(openDb, id, Describe(e), settings.MaxAttempts, clock, ct));
        }
        // Sent, but not yet recorded: a crash here sends it once more after the lease, with the same Message-ID.
        return From(await OutboxOutcomes.SentAsync(openDb, id, clock, CancellationToken.None));
    }

    /// <summary>The exception chain's messages ("Failure sending mail. → Connection refused"), which carry no
    /// personal data: only addresses, host names and server replies.</summary>
    private static string Describe(Exception e)
    {
        var parts = new List<string>();
        for (var current = e; current is not null; current = current.InnerException)
            if (parts.Count == 0 || parts[^1] != current.Message) parts.Add(current.Message.Trim());
        var text = string.Join(" → ", parts);
        return text.Length <= 500 ? text : text[..500];
    }
}
