using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Acting;
using ReferralFlow.Core.Audit;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.History;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Referrals;

namespace ReferralFlow.Core.Forwarding;

/// <summary>A request nobody is asked for: its recipient cannot help and the address it proposed was declined.</summary>
public sealed record UnaskedRequest(Guid HandOffId, string Title, string Request, string Role, string FromKey, string FromName,
    DateTimeOffset DeclinedAt);

/// <summary>
/// A caseworker of the sending organisation declines an address a partner proposed (issue 9 §2). The request does not
/// go back to that partner, which said it cannot help, and it is not closed: it stays open on its step with its
/// deadline, nobody is asked, reminders and the backup rung stay held (<see cref="CannotHelp"/>) while escalations to
/// staff and a timeout rung stand, and the referral page lists it until a caseworker sends it to an organisation of the
/// directory (<see cref="RequestSending"/>) or the role is reassigned (which moves it, Partners/RoleReassignment).
/// </summary>
public static class ForwardDecline
{
    public const string DeclinedHistory = "forward-declined";
    public const string DeclinedAudit = "forward.declined";

    /// <returns>The sentence to show the caseworker.</returns>
    public static Task<string> DeclineAsync(Func<ReferralFlowDb> openDb, TimeProvider clock, Guid referralId, Guid forwardId,
        Actor actor, CancellationToken ct) =>
        Transactions.RunAsync(openDb, actor, async unit =>
        {
            var db = unit.Db;
            var now = clock.GetUtcNow();
            var forward = await db.HandOffForwards.SingleOrDefaultAsync(f => f.Id == forwardId && f.ReferralId == referralId, ct)
                ?? throw new ReferralFlowException("That forward is not part of this referral.");
            forward.Decline(now, actor.Name);
            var handOff = await db.HandOffs.SingleAsync(h => h.Id == forward.HandOffId, ct);
            var referral = await db.Referrals.SingleAsync(r => r.Id == referralId, ct);
            var from = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == forward.FromOrganisationId, ct);
            var proposer = from is null ? "the partner" : $"{from.Name} ({from.Key})";
            var waiting = handOff.IsOpen && handOff.AnsweredAt is null && referral.Status == ReferralStatus.Active;
            referral.Touch();
            db.HandOffEvents.Add(actor.Attribution(null).Record(handOff, HandOffChanges.ForwardDeclined, now, fromOrganisationId: from?.Id));
            // Like the proposal's entry, it names who proposed, never the address.
            db.History.Add(new HistoryEntry
            {
                ReferralId = referralId, At = now, Kind = DeclinedHistory, StepId = handOff.StepId, Actor = actor.Name,
                Detail = $"'{handOff.Request}': the address {proposer} proposed was declined by {actor.Name}" + (waiting
                    ? $"; nobody is asked until the '{handOff.Partner}' role is reassigned or the request is sent to an organisation " +
                      "on the referral page (the deadline and escalations to staff stand)"
                    : "; the request was already answered or closed"),
            });
            AuditTrail.Record(db, actor, DeclinedAudit, referralId, $"forward {forward.Id:D}", now,
                $"hand-off {handOff.Id:D}, proposed by {from?.Key ?? "a partner"}");
            return waiting
                ? $"The address {proposer} proposed was declined. Nobody is asked for '{handOff.Title}' now: send it to an " +
                  $"organisation of the directory below, or reassign the '{handOff.Partner}' role."
                : $"The address {proposer} proposed was declined; '{handOff.Title}' was already answered or closed.";
        }, ct);

    /// <summary>The referral's open requests whose recipient cannot help and whose proposed address was declined.</summary>
    public static async Task<IReadOnlyList<UnaskedRequest>> UnaskedAsync(ReferralFlowDb db, Guid referralId, CancellationToken ct)
    {
        var handOffs = await (from f in db.HandOffForwards.AsNoTracking()
                              join h in db.HandOffs.AsNoTracking() on f.HandOffId equals h.Id
                              where f.ReferralId == referralId && f.Status == ForwardStatus.Declined && h.AnsweredAt == null
                              select h).ToListAsync(ct);
        var unasked = new List<UnaskedRequest>();
        foreach (var handOff in handOffs.DistinctBy(h => h.Id).Where(h => h.IsOpen).OrderBy(h => h.CreatedAt))
        {
            if (await CannotHelp.SaidByRecipientAsync(db, handOff, ct) is not { Status: ForwardStatus.Declined } declined) continue;
            var from = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == declined.FromOrganisationId, ct);
            unasked.Add(new UnaskedRequest(handOff.Id, handOff.Title, handOff.Request, handOff.Partner, from?.Key ?? "",
                from?.Name ?? "The partner", declined.DecidedAt ?? declined.ProposedAt));
        }
        return unasked;
    }
}
