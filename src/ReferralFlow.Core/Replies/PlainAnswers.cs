using ReferralFlow.Core.Acting;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Audit;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Protection;

namespace ReferralFlow.Core.Replies;

/// <summary>
/// Encrypts the reply answers an older version stored in clear. The migration that made the column
/// (20261122200000_ProtectedReplyAnswers) can only rename it: it has no keys. So every host start — the CLI before
/// each command, the web host before it serves — runs this right after migrating, and the plain rows are gone from the
/// database before anything reads them. A plain row is one whose text is a JSON object ("{..."); protected text is
/// base64url and never starts so. Nothing to do costs one query and creates no keys.
/// </summary>
public static class PlainAnswers
{
    public const string Protected = "reply.protected";

    private static readonly Actor Startup = Actor.System("system", "startup");

    /// <returns>How many answers were encrypted now.</returns>
    public static async Task<int> ProtectAsync(Func<ReferralFlowDb> openDb, Func<PersonalDataProtector> protector,
        DateTimeOffset now, CancellationToken ct)
    {
        await using var db = openDb();
        var plain = await db.ReplyAnswers.Where(a => a.ProtectedAnswer.StartsWith("{")).ToListAsync(ct);
        if (plain.Count == 0) return 0;
        var keys = protector();
        var ids = plain.Select(a => a.HandOffId).ToList();
        var referrals = await db.HandOffs.AsNoTracking().Where(h => ids.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.ReferralId, ct);
        foreach (var answer in plain)
        {
            answer.ProtectedAnswer = keys.Protect(answer.ProtectedAnswer);
            AuditTrail.Record(db, Startup, Protected, referrals.GetValueOrDefault(answer.HandOffId), ReplyAnswerReads.Subject(answer.Id), now,
                "stored in clear by an older version; now encrypted");
        }
        await db.SaveChangesAsync(ct);
        return plain.Count;
    }
}
