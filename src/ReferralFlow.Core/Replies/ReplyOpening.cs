using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.History;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Core.Replies;

/// <summary>
/// A partner opens a reply link: the request is shown and, the first time any of its links is opened, the hand-off
/// becomes FHIR "received" with a history entry and a hand-off event attributed to the link. Later opens change nothing.
/// </summary>
public sealed class ReplyOpening(Func<ReferralFlowDb> openDb, TimeProvider clock)
{
    public async Task<ReplyResult> OpenAsync(string token, CancellationToken ct)
    {
        if (await ReplyLookup.ActorAsync(openDb, token, ct) is not { } actor) return new ReplyResult.Unknown();
        return await Transactions.RunAsync(openDb, actor, async unit =>
        {
            var db = unit.Db;
            var now = clock.GetUtcNow();
            var (found, refusal) = await ReplyLookup.FindAsync(db, token, now, ct);
            if (found is null) return refusal!;
            if (found.HandOff.Status != HandOffs.HandOffStatus.Requested) return new ReplyResult.Open(found.View);
            found.HandOff.MarkReceived();
            // The referral's revision orders this write against the runtime's: an answer recorded meanwhile (by
            // phone, by another link) makes this save fail and the retry find the hand-off already closed.
            found.Referral.Touch();
            db.History.Add(new HistoryEntry
            {
                ReferralId = found.Referral.Id, At = now, Kind = ReplyLookup.HandOffReceived,
                StepId = found.HandOff.StepId, Detail = "link", Actor = unit.Actor.Name,
            });
            db.HandOffEvents.Add(unit.Actor.Attribution(HandOffs.HandOffChannels.Link)
                .Record(found.HandOff, HandOffs.HandOffChanges.Received, now));
            return (ReplyResult)new ReplyResult.Open(found.View);
        }, ct);
    }
}
