using ReferralFlow.Core.Acting;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Audit;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Protection;

namespace ReferralFlow.Core.Replies;

/// <summary>A partner's answer through the reply page, decrypted: the outcome chosen and the fields typed.</summary>
public sealed record ReadReplyAnswer(Guid Id, Guid HandOffId, string Outcome, DateTimeOffset AnsweredAt, JsonObject Fields);

/// <summary>
/// Reading what a partner typed on the reply page. The text may name the person or describe their situation, so every
/// read that shows it writes a "reply.read" audit entry naming the answer (never its content) in the same save, like
/// any read of personal data.
/// </summary>
public static class ReplyAnswerReads
{
    public const string Read = "reply.read";
    public const string Recorded = "reply.recorded";

    /// <summary>The answer to a hand-off, or null when it was not answered through the reply page (nothing is audited then).</summary>
    public static async Task<ReadReplyAnswer?> ForHandOffAsync(ReferralFlowDb db, PersonalDataProtector protector, Guid handOffId,
        Actor actor, DateTimeOffset at, CancellationToken ct = default)
    {
        var row = await db.ReplyAnswers.AsNoTracking().Where(a => a.HandOffId == handOffId)
            .Join(db.HandOffs.AsNoTracking(), a => a.HandOffId, h => h.Id, (a, h) => new { Answer = a, h.ReferralId })
            .SingleOrDefaultAsync(ct);
        if (row is null) return null;
        var fields = row.Answer.Open(protector);
        Audit(db, actor, row.ReferralId, row.Answer.Id, at);
        await db.SaveChangesAsync(ct);
        return new ReadReplyAnswer(row.Answer.Id, handOffId, row.Answer.Outcome, row.Answer.AnsweredAt, fields);
    }

    /// <summary>Adds the read's audit entry to the caller's unit of work (the caller saves).</summary>
    public static void Audit(ReferralFlowDb db, Actor actor, Guid referralId, Guid answerId, DateTimeOffset at) =>
        AuditTrail.Record(db, actor, Read, referralId, Subject(answerId), at);

    public static string Subject(Guid answerId) => $"reply answer {answerId:D}";
}
