using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Acting;
using ReferralFlow.Core.Audit;
using ReferralFlow.Core.Definitions;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Core.Runtime;

namespace ReferralFlow.Core.Forwarding;

/// <summary>
/// A caseworker of the sending organisation sends a request nobody is asked for (<see cref="ForwardDecline"/>) to an
/// organisation of the directory, for this request only, as a partner's forward would: in one transaction the chain
/// gains a link decided by the caseworker, the request goes to that organisation's authorised contact through the
/// consent gate with its own links, and the history says who sent it where and why. The role stays with its
/// organisation; reassigning it is the way to move every request to the role.
/// </summary>
public static class RequestSending
{
    public const string SentAudit = "forward.sent";

    /// <returns>The sentence to show the caseworker.</returns>
    public static Task<string> SendAsync(Func<ReferralFlowDb> openDb, WorkflowLibrary library, TimeProvider clock,
        Guid referralId, Guid handOffId, string? organisation, Actor actor, CancellationToken ct) =>
        Transactions.RunAsync(openDb, actor, async unit =>
        {
            var db = unit.Db;
            var now = clock.GetUtcNow();
            var handOff = await db.HandOffs.SingleOrDefaultAsync(h => h.Id == handOffId && h.ReferralId == referralId, ct)
                ?? throw new ReferralFlowException("That request is not part of this referral.");
            if (string.IsNullOrWhiteSpace(organisation))
                throw new ReferralFlowException("Choose the organisation of the directory to send the request to.");
            var to = await db.Organisations.SingleOrDefaultAsync(o => o.Key == organisation.Trim() && o.Active, ct)
                ?? throw new ReferralFlowException("Choose an active organisation of the directory.");
            var referral = await db.Referrals.SingleAsync(r => r.Id == referralId, ct);
            if (!handOff.IsOpen || handOff.AnsweredAt is not null || referral.Status != ReferralStatus.Active)
                throw new ReferralFlowException("The request was answered or closed meanwhile: nothing was sent.");
            if (await CannotHelp.SaidByRecipientAsync(db, handOff, ct) is not { Status: ForwardStatus.Declined })
                throw new ReferralFlowException($"'{handOff.Title}' is with an organisation that has not said it cannot help: " +
                    $"reassign the '{handOff.Partner}' role to move it.");
            var from = await HandOffAddressee.OrganisationAsync(db, handOff, ct)
                ?? throw new ReferralFlowException("This request names no organisation it is with: reassign its role instead.");
            if (to.Id == from.Id)
                throw new ReferralFlowException($"{from.Name} said it cannot help with this request; choose another organisation.");

            db.HandOffForwards.Add(HandOffForward.ToDirectory(Guid.CreateVersion7(now), handOff.Id, referralId, from.Id, null, to.Id,
                now, actor.Name));
            var runtime = new RuntimeUnit(db, library, clock, actor);
            await runtime.RedirectAsync(referral, handOff, new RequestMove(from, to, null, AddressedToOrganisation: true,
                HandOffChanges.Forwarded, ReplyForwarding.ForwardedHistory,
                $"'{handOff.Request}' sent to {to.Name} ({to.Key}) by {actor.Name}, as {from.Name} ({from.Key}) cannot help " +
                "and the address it proposed was declined", TellFrom: false), ct);
            AuditTrail.Record(db, actor, SentAudit, referralId, $"hand-off {handOff.Id:D}", now, $"from {from.Key} to {to.Key}");
            await runtime.FlushAsync(ct);
            return $"The request '{handOff.Title}' goes to {to.Name} (held until consent covers {to.Key}, if none does).";
        }, ct);
}
