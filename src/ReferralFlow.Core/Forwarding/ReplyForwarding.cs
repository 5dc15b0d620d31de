using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Definitions;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.History;
using ReferralFlow.Core.Mail;
using ReferralFlow.Core.Outbox;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Replies;
using ReferralFlow.Core.Runtime;

namespace ReferralFlow.Core.Forwarding;

/// <summary>What became of the forward page: a refusal as the reply page gives it, the choice to make, or the result.</summary>
public abstract record ForwardResult
{
    private ForwardResult() { }

    public sealed record Refused(ReplyResult Reason) : ForwardResult;

    public sealed record Choosing(ReplyView View, IReadOnlyList<ForwardTarget> Targets) : ForwardResult;

    public sealed record Invalid(ReplyView View, IReadOnlyList<ForwardTarget> Targets, IReadOnlyDictionary<string, string> Errors) : ForwardResult;

    /// <summary>Sent on to an organisation of the directory (held there if no consent covers it).</summary>
    public sealed record Forwarded(string Organisation) : ForwardResult;

    /// <summary>An address outside the directory: nothing goes until the sending caseworker confirms it.</summary>
    public sealed record Proposed : ForwardResult;
}

/// <summary>
/// "We cannot help; forward to …" behind a reply link (issue 9 §2). In one transaction: the forward joins the hand-off's
/// chain (a <see cref="HandOffForward"/> row and a hand-off event: who forwarded to whom, when), the sending side gets a
/// forward notice, and this partner's links close. An organisation of the directory gets the request at once, with its
/// own links, through the consent gate; an address outside it waits for a caseworker of the sending organisation
/// (<see cref="ForwardConfirmation"/>). The procedure keeps waiting on the same request and deadline.
/// </summary>
public sealed class ReplyForwarding(Func<ReferralFlowDb> openDb, WorkflowLibrary library, TimeProvider clock)
{
    public const string ForwardedHistory = "handoff-forwarded";
    public const string ProposedHistory = "forward-proposed";

    public async Task<ForwardResult> ShowAsync(string token, string? search, CancellationToken ct)
    {
        await using var db = openDb();
        var (found, refusal) = await ReplyLookup.FindAsync(db, token, clock.GetUtcNow(), ct);
        if (found is null) return new ForwardResult.Refused(refusal!);
        var holder = await HandOffAddressee.OrganisationAsync(db, found.HandOff, ct);
        return new ForwardResult.Choosing(found.View, await ForwardTargets.ForAsync(db, holder, search, ct));
    }

    public async Task<ForwardResult> ForwardAsync(string token, string? organisation, string? email, string? search, CancellationToken ct)
    {
        if (await ReplyLookup.ActorAsync(openDb, token, ct) is not { } actor) return new ForwardResult.Refused(new ReplyResult.Unknown());
        return await Transactions.RunAsync(openDb, actor, async unit =>
        {
            var db = unit.Db;
            var now = clock.GetUtcNow();
            var (found, refusal) = await ReplyLookup.FindAsync(db, token, now, ct);
            if (found is null) return new ForwardResult.Refused(refusal!);
            var holder = await HandOffAddressee.OrganisationAsync(db, found.HandOff, ct);
            var errors = new Dictionary<string, string>();
            if (holder is null)
            {
                errors[ForwardInput.OrganisationField] = "This request names no organisation of the directory to forward from: please contact the sender instead.";
                return new ForwardResult.Invalid(found.View, [], errors);
            }
            Organisation? to = null;
            string? address = null;
            if (!string.IsNullOrWhiteSpace(organisation))
            {
                to = await db.Organisations.SingleOrDefaultAsync(o => o.Key == organisation.Trim() && o.Active, ct);
                if (to is null || to.Id == holder.Id)
                    errors[ForwardInput.OrganisationField] = "Choose an organisation from the list, other than your own.";
            }
            else if (!string.IsNullOrWhiteSpace(email))
            {
                (address, var problem) = ForwardInput.Address(email);
                if (problem is not null) errors[ForwardInput.EmailField] = problem;
            }
            else errors[ForwardInput.OrganisationField] = "Choose an organisation from the list, or give an e-mail address.";
            if (errors.Count > 0)
                return new ForwardResult.Invalid(found.View, await ForwardTargets.ForAsync(db, holder, search, ct), errors);

            var contactId = (unit.Actor as Acting.ReplyLinkActor)?.ContactId;
            var runtime = new RuntimeUnit(db, library, clock, unit.Actor);
            var request = found.HandOff.Request;
            if (to is not null)
            {
                db.HandOffForwards.Add(HandOffForward.ToDirectory(Guid.CreateVersion7(now), found.HandOff.Id, found.Referral.Id,
                    holder.Id, contactId, to.Id, now));
                await runtime.RedirectAsync(found.Referral, found.HandOff, new RequestMove(holder, to, null, AddressedToOrganisation: true,
                    HandOffChanges.Forwarded, ForwardedHistory,
                    $"'{request}' forwarded by {holder.Name} ({holder.Key}), which cannot help, to {to.Name} ({to.Key})", TellFrom: false), ct);
            }
            else
            {
                db.HandOffForwards.Add(HandOffForward.ToAddress(Guid.CreateVersion7(now), found.HandOff.Id, found.Referral.Id,
                    holder.Id, contactId, address!, now));
                foreach (var link in await db.ReplyTokens.Where(t => t.HandOffId == found.HandOff.Id && t.UsedAt == null && t.RevokedAt == null).ToListAsync(ct))
                    link.Revoke(now);
                // Reminders queued and not yet delivered would go to the organisation that just said it cannot help;
                // later ones are held until the request moves (CannotHelp).
                foreach (var unsent in await db.OutboxMessages.Where(m => m.HandOffId == found.HandOff.Id && m.Status == OutboxStatus.Pending
                             && (m.Kind == OutboxKinds.Reminder || m.Kind == OutboxKinds.Escalation)
                             && (m.Recipient == found.HandOff.Partner || m.Recipient == Recipients.Backup)).ToListAsync(ct))
                    unsent.SetAside($"not sent: {holder.Key} cannot help and proposed another address");
                db.HandOffEvents.Add(unit.Actor.Attribution(null).Record(found.HandOff, HandOffChanges.ForwardProposed, now, fromOrganisationId: holder.Id));
                // The address stays on the forward row: history names who proposed, not where to.
                db.History.Add(new HistoryEntry
                {
                    ReferralId = found.Referral.Id, At = now, Kind = ProposedHistory, StepId = found.HandOff.StepId, Actor = unit.Actor.Name,
                    Detail = $"'{request}': {holder.Name} ({holder.Key}) cannot help and proposes an address outside the directory; " +
                        "nothing is sent until a caseworker of the sending organisation confirms it on the referral page",
                });
                found.Referral.Touch();
            }
            runtime.Tell(found.Referral, found.HandOff, TemplateNames.ForwardNotice, now);
            await runtime.FlushAsync(ct);
            return to is null ? new ForwardResult.Proposed() : (ForwardResult)new ForwardResult.Forwarded(to.Name);
        }, ct);
    }
}
