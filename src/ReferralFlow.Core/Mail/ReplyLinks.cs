using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Core.Mail;

/// <summary>The links a partner answers with: one per allowed answer of a hand-off. The reply-link work
/// (issue 3 §3) replaces <see cref="PendingReplyLinks"/> with signed, single-use tokens.</summary>
public interface IReplyLinks
{
    /// <summary>Called once per delivery attempt, after the engine's commit and outside any transaction, so tokens
    /// saved on <paramref name="db"/> commit at once. <paramref name="contactId"/> is the addressee the links are bound
    /// to; <paramref name="answers"/> are the hand-off's outcomes less those only its escalation ladder sets.</summary>
    Task<IReadOnlyList<MessageLink>> ForHandOffAsync(
        ReferralFlowDb db, Guid handOffId, Guid? contactId, IReadOnlyList<string> answers, CancellationToken ct);
}

/// <summary>Until reply tokens exist: each answer links to <c>{public url}/reply/pending?answer=…</c>, which shows
/// the partner the choices without acting on them.</summary>
public sealed class PendingReplyLinks(Uri publicUrl) : IReplyLinks
{
    public Task<IReadOnlyList<MessageLink>> ForHandOffAsync(
        ReferralFlowDb db, Guid handOffId, Guid? contactId, IReadOnlyList<string> answers, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<MessageLink>>(
            [.. answers.Select(answer => new MessageLink(answer, new Uri(publicUrl, $"reply/pending?answer={Uri.EscapeDataString(answer)}")))]);
}
