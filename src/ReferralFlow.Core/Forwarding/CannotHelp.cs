using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Core.Forwarding;

/// <summary>
/// Whether the organisation a request is with has said it cannot help: it proposed an address outside the directory,
/// which waits for the sending caseworker or was declined. Until the request moves (confirmed, sent to another
/// organisation, the role reassigned) a reminder or the backup rung would go to the organisation that said so: they
/// are held. Escalations to staff and a timeout rung still go, and the deadline stands.
/// </summary>
public static class CannotHelp
{
    /// <summary>The history kind the consent gate also writes for a reminder it holds.</summary>
    public const string ReminderHeldHistory = "reminder-held";

    /// <summary>The newest proposal, awaiting or declined, made by the organisation the request is with now; null when
    /// that organisation never said it cannot help (a request that moved on is with someone else).</summary>
    public static async Task<HandOffForward?> SaidByRecipientAsync(ReferralFlowDb db, HandOff handOff, CancellationToken ct)
    {
        var said = await db.HandOffForwards.AsNoTracking()
            .Where(f => f.HandOffId == handOff.Id && (f.Status == ForwardStatus.AwaitingConfirmation || f.Status == ForwardStatus.Declined))
            .ToListAsync(ct);
        if (said.Count == 0) return null;
        var recipient = await HandOffAddressee.OrganisationAsync(db, handOff, ct);
        return said.Where(f => f.FromOrganisationId == recipient?.Id).MaxBy(f => f.ProposedAt);
    }

    /// <summary>Why a reminder about the request is not sent, as its history entry says it.</summary>
    public static string HeldReason(HandOffForward forward, string holderKey) => forward.Status == ForwardStatus.Declined
        ? $"{holderKey} cannot help and the address it proposed was declined: nobody is asked until the role is reassigned or the request is sent to an organisation"
        : $"{holderKey} cannot help and the address it proposed awaits confirmation on the referral page";
}
