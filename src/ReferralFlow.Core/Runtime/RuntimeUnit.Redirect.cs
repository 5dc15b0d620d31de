using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Forwarding;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.History;
using ReferralFlow.Core.Mail;
using ReferralFlow.Core.Outbox;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Engine.Execution;

namespace ReferralFlow.Core.Runtime;

/// <summary>Where an open request moves and why: the recipients it leaves and reaches, whether the one it leaves is told
/// (it was asked and did not move the request on itself), and the history's words.</summary>
internal sealed record RequestMove(
    Organisation From, Organisation To, string? ToEmail, bool AddressedToOrganisation, string Change, string HistoryKind, string Detail,
    bool TellFrom);

internal sealed partial class RuntimeUnit
{
    /// <summary>
    /// Moves an open, unanswered request to another recipient in this unit of work (issue 9 §2): messages not yet sent
    /// to the old one are dropped, a request the consent gate held for it is let go with its task, its reply links stop
    /// working, it is told if the request had reached it, and the request is queued to the new recipient through the
    /// consent gate exactly as the procedure queues any request. An address still awaiting confirmation for it is no
    /// longer asked about (superseded). The engine's step keeps waiting on the same hand-off, with the same deadline.
    /// </summary>
    /// <returns>Whether the recipient it left is told.</returns>
    internal async Task<bool> RedirectAsync(Referral referral, HandOff handOff, RequestMove move, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        touchedReferrals.Add(referral.Id);
        var messages = await db.OutboxMessages.Where(m => m.HandOffId == handOff.Id).ToListAsync(ct);
        // Reached the recipient it leaves: a request sent since the request last moved (an earlier recipient's copy does
        // not count; one held for consent never went, and must not be followed by a notice that shares the case).
        var movedAt = (await db.HandOffEvents.AsNoTracking()
            .Where(e => e.HandOffId == handOff.Id && (e.Change == HandOffChanges.Forwarded || e.Change == HandOffChanges.Reassigned))
            .Select(e => e.At).ToListAsync(ct)).DefaultIfEmpty(DateTimeOffset.MinValue).Max();
        var reachedFrom = messages.Any(m => m.Kind == OutboxKinds.Request && m.Status == OutboxStatus.Sent && m.CreatedAt >= movedAt);
        foreach (var unsent in messages.Where(m => m.Status == OutboxStatus.Pending && m.Kind != OutboxKinds.Notice
                     && (m.Recipient == handOff.Partner || m.Recipient == Recipients.Backup)))
            unsent.SetAside($"not sent: the request moved from {move.From.Key} to {move.To.Key}");
        await Gate.HandOffClosedAsync(handOff.Id, now, ct);
        foreach (var link in await db.ReplyTokens.Where(t => t.HandOffId == handOff.Id && t.UsedAt == null && t.RevokedAt == null).ToListAsync(ct))
            link.Revoke(now);
        // The one being confirmed now is already decided in memory; the query reads the stored status.
        foreach (var waiting in (await db.HandOffForwards.Where(f => f.HandOffId == handOff.Id && f.Status == ForwardStatus.AwaitingConfirmation)
                     .ToListAsync(ct)).Where(f => f.Status == ForwardStatus.AwaitingConfirmation))
            waiting.Supersede(now, actor.Name);

        handOff.Redirect(move.AddressedToOrganisation ? move.To.Id : null, move.ToEmail);
        referral.Touch();
        handOffEvents.Add(actor.Attribution(null).Record(handOff, move.Change, now, fromOrganisationId: move.From.Id, toOrganisationId: move.To.Id));
        history.Add(new HistoryEntry
        {
            ReferralId = referral.Id, At = now, Kind = move.HistoryKind, StepId = handOff.StepId, Actor = actor.Name, Detail = move.Detail,
        });
        var tell = move.TellFrom && reachedFrom;
        if (tell)
            outbox.Add(new OutboxMessage
            {
                Id = Guid.CreateVersion7(now), ReferralId = referral.Id, StepId = handOff.StepId, Kind = OutboxKinds.Notice,
                Recipient = HandOffAddressee.Organisation(move.From.Id), Template = TemplateNames.RequestMoved, HandOffId = handOff.Id,
                PayloadJson = "{}", CreatedAt = now, NextAttemptAt = now,
            });
        await ApplyAsync(referral, new MessageQueued(handOff.StepId, MessageKind.Request, handOff.Partner, handOff.Request, handOff.Id, null), now, ct);
        return tell;
    }

    /// <summary>A reminder, or the backup rung, about a request whose recipient said it cannot help would go to that
    /// recipient: it is held, with history saying why (<see cref="CannotHelp"/>). Staff rungs and timeouts go.</summary>
    private async Task<bool> HeldAsCannotHelpAsync(Referral referral, MessageQueued message, DateTimeOffset now, CancellationToken ct)
    {
        if (message.Kind is not (MessageKind.Reminder or MessageKind.Escalation) || message.HandOffId is not { } handOffId) return false;
        var handOff = await HandOffAddressee.FindAsync(db, handOffId, ct);
        if (handOff is null || (message.Recipient != handOff.Partner && message.Recipient != Recipients.Backup)) return false;
        if (await CannotHelp.SaidByRecipientAsync(db, handOff, ct) is not { } said) return false;
        var holder = await db.Organisations.AsNoTracking().Where(o => o.Id == said.FromOrganisationId).Select(o => o.Key).SingleOrDefaultAsync(ct);
        history.Add(new HistoryEntry
        {
            ReferralId = referral.Id, At = now, Kind = CannotHelp.ReminderHeldHistory, StepId = message.StepId, Actor = "system",
            Detail = $"{message.Kind.ToString().ToLowerInvariant()} to {message.Recipient} not sent: {CannotHelp.HeldReason(said, holder ?? "the partner")}",
        });
        return true;
    }

    /// <summary>A notice to the sending side about a hand-off, outside the engine's own messages.</summary>
    internal void Tell(Referral referral, HandOff handOff, string template, DateTimeOffset now) =>
        outbox.Add(new OutboxMessage
        {
            Id = Guid.CreateVersion7(now), ReferralId = referral.Id, StepId = handOff.StepId, Kind = OutboxKinds.Notice,
            Recipient = Recipients.Coordinator, Template = template, HandOffId = handOff.Id, PayloadJson = "{}",
            CreatedAt = now, NextAttemptAt = now,
        });
}
