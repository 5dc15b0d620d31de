using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Core.Mail;

/// <summary>The links a partner answers with: one per allowed answer of a hand-off.</summary>
public interface IReplyLinks
{
    /// <summary>Called once per delivery attempt, after the engine's commit and outside any transaction, so tokens
    /// saved on <paramref name="db"/> commit before the message leaves. <paramref name="contactId"/> is the addressee
    /// the links are bound to; <paramref name="answers"/> are the hand-off's outcomes less those only its escalation
    /// ladder sets.</summary>
    Task<IReadOnlyList<MessageLink>> ForHandOffAsync(
        ReferralFlowDb db, Guid handOffId, Guid? contactId, IReadOnlyList<string> answers, CancellationToken ct);
}

/// <summary>Single-use, expiring reply tokens (see <see cref="Replies.ReplyLinks"/>), one per answer.</summary>
public sealed class TokenReplyLinks(Replies.ReplyLinks tokens) : IReplyLinks
{
    public async Task<IReadOnlyList<MessageLink>> ForHandOffAsync(
        ReferralFlowDb db, Guid handOffId, Guid? contactId, IReadOnlyList<string> answers, CancellationToken ct)
    {
        var issued = await tokens.IssueAsync(db, handOffId, contactId, ct);
        return [.. issued.Where(link => answers.Contains(link.Outcome)).Select(link => new MessageLink(link.Outcome, new Uri(link.Url)))];
    }
}
