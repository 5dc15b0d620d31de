using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Acting;
using ReferralFlow.Core.Audit;
using ReferralFlow.Core.Definitions;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Core.Runtime;

namespace ReferralFlow.Core.Forwarding;

/// <summary>A forward awaiting the sending side, as the referral page lists it: who proposed which address for which
/// request, and the directory organisation that address belongs to when the directory knows it.</summary>
public sealed record AwaitingForward(Guid Id, Guid HandOffId, string Request, string FromKey, string FromName, string Email,
    DateTimeOffset ProposedAt, string? SuggestedOrganisation);

/// <summary>
/// A caseworker of the sending organisation confirms an address a partner proposed (issue 9 §2). The caseworker names
/// the directory organisation the address belongs to, because consent is given per organisation: the request then goes
/// to the address through the consent gate for that organisation, in one transaction, with the chain recorded.
/// </summary>
public static class ForwardConfirmation
{
    public const string ConfirmedAudit = "forward.confirmed";

    public static async Task<IReadOnlyList<AwaitingForward>> AwaitingAsync(ReferralFlowDb db, Guid referralId, CancellationToken ct)
    {
        var rows = await (from f in db.HandOffForwards.AsNoTracking()
                          join h in db.HandOffs.AsNoTracking() on f.HandOffId equals h.Id
                          join o in db.Organisations.AsNoTracking() on f.FromOrganisationId equals o.Id
                          where f.ReferralId == referralId && f.Status == ForwardStatus.AwaitingConfirmation
                          orderby f.ProposedAt
                          select new { f.Id, f.HandOffId, h.Request, o.Key, o.Name, f.ToEmail, f.ProposedAt }).ToListAsync(ct);
        var emails = rows.Select(r => r.ToEmail!.ToLower()).ToList();
        var known = await (from c in db.Contacts.AsNoTracking() join o in db.Organisations.AsNoTracking() on c.OrganisationId equals o.Id
                           where o.Active && emails.Contains(c.Email.ToLower()) select new { Email = c.Email.ToLower(), o.Key }).ToListAsync(ct);
        return [.. rows.Select(r => new AwaitingForward(r.Id, r.HandOffId, r.Request, r.Key, r.Name, r.ToEmail!, r.ProposedAt,
            known.FirstOrDefault(k => k.Email == r.ToEmail!.ToLowerInvariant())?.Key))];
    }

    /// <returns>The sentence to show the caseworker.</returns>
    public static Task<string> ConfirmAsync(Func<ReferralFlowDb> openDb, WorkflowLibrary library, TimeProvider clock,
        Guid referralId, Guid forwardId, string? organisation, Actor actor, CancellationToken ct) =>
        Transactions.RunAsync(openDb, actor, async unit =>
        {
            var db = unit.Db;
            var now = clock.GetUtcNow();
            var forward = await db.HandOffForwards.SingleOrDefaultAsync(f => f.Id == forwardId && f.ReferralId == referralId, ct)
                ?? throw new ReferralFlowException("That forward is not part of this referral.");
            if (string.IsNullOrWhiteSpace(organisation))
                throw new ReferralFlowException("Choose the organisation of the directory the address belongs to: the person's consent is checked for it.");
            var to = await db.Organisations.SingleOrDefaultAsync(o => o.Key == organisation.Trim() && o.Active, ct)
                ?? throw new ReferralFlowException("Choose an active organisation of the directory; the address belongs to one of them.");
            var handOff = await db.HandOffs.SingleAsync(h => h.Id == forward.HandOffId, ct);
            var referral = await db.Referrals.SingleAsync(r => r.Id == referralId, ct);
            if (!handOff.IsOpen || handOff.AnsweredAt is not null || referral.Status != ReferralStatus.Active)
                throw new ReferralFlowException("The request was answered or closed meanwhile: nothing was forwarded.");
            var from = await HandOffAddressee.OrganisationAsync(db, handOff, ct) ?? to;
            forward.Confirm(to.Id, now, actor.Name);
            var runtime = new RuntimeUnit(db, library, clock, actor);
            await runtime.RedirectAsync(referral, handOff, new RequestMove(from, to, forward.ToEmail, AddressedToOrganisation: true,
                HandOffChanges.Forwarded, ReplyForwarding.ForwardedHistory,
                $"'{handOff.Request}' forwarded from {from.Name} ({from.Key}) to {to.Name} ({to.Key}), at the address {from.Key} " +
                $"proposed, confirmed by {actor.Name}", TellFrom: false), ct);
            AuditTrail.Record(db, actor, ConfirmedAudit, referralId, $"forward {forward.Id:D}", now,
                $"hand-off {handOff.Id:D}, proposed by {from.Key}, for {to.Key}");
            await runtime.FlushAsync(ct);
            return $"The request '{handOff.Title}' goes to {to.Name} at the confirmed address (held until consent covers {to.Key}, if none does).";
        }, ct);
}
