using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Acting;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Referrals;

namespace ReferralFlow.Core.Replies;

/// <summary>A usable link with what it is bound to, tracked so the caller can change them in its transaction.</summary>
internal sealed record FoundReply(ReplyToken Token, HandOff HandOff, Referral Referral)
{
    public ReplyView View => new(Referral.Id, Referral.CaseCode, HandOff.Title, HandOff.Request, HandOff.DueAt,
        Token.Outcome, ReplyForms.For(Token.Outcome));

    /// <summary>Who answered: the contact the link was sent to. An id, never a name.</summary>
    public Actor Actor => Actor.ReplyLink(HandOff.Id, Token.ContactId);
}

internal static class ReplyLookup
{
    /// <summary>The history kind for a partner opening a link (FHIR "received").</summary>
    public const string HandOffReceived = "handoff-received";

    /// <summary>Who a link acts as, known before its transaction begins (the runner carries it); null for a token
    /// never issued.</summary>
    public static async Task<Actor?> ActorAsync(Func<ReferralFlowDb> openDb, string token, CancellationToken ct)
    {
        if (!ReplyTokenText.IsWellFormed(token)) return null;
        var hash = ReplyTokenText.Hash(token);
        await using var db = openDb();
        var row = await db.ReplyTokens.AsNoTracking().Where(t => t.TokenHash == hash)
            .Select(t => new { t.HandOffId, t.ContactId }).SingleOrDefaultAsync(ct);
        return row is null ? null : Actor.ReplyLink(row.HandOffId, row.ContactId);
    }

    /// <summary>The token is found by its hash alone: the URL carries nothing else, so a token can only ever act
    /// on the hand-off and answer it was issued for.</summary>
    public static async Task<(FoundReply? Found, ReplyResult? Refusal)> FindAsync(
        ReferralFlowDb db, string token, DateTimeOffset now, CancellationToken ct)
    {
        if (!ReplyTokenText.IsWellFormed(token)) return (null, new ReplyResult.Unknown());
        var hash = ReplyTokenText.Hash(token);
        var row = await db.ReplyTokens.SingleOrDefaultAsync(t => t.TokenHash == hash, ct);
        if (row is null) return (null, new ReplyResult.Unknown());
        if (row.RevokedAt is not null) return (null, new ReplyResult.Moved());
        if (row.IsUsed) return (null, new ReplyResult.AlreadyAnswered());
        if (row.IsExpired(now)) return (null, new ReplyResult.Expired());
        var handOff = await db.HandOffs.SingleAsync(h => h.Id == row.HandOffId, ct);
        var referral = await db.Referrals.SingleAsync(r => r.Id == handOff.ReferralId, ct);
        if (!handOff.IsOpen || handOff.AnsweredAt is not null || referral.Status != ReferralStatus.Active) return (null, new ReplyResult.Closed());
        if (await db.HeldRequests.AnyAsync(h => h.HandOffId == handOff.Id && h.Status == Consent.HeldRequestStatus.Held, ct))
            return (null, new ReplyResult.ConsentNeeded());
        return (new FoundReply(row, handOff, referral), null);
    }
}
