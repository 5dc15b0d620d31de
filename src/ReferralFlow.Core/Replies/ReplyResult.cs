namespace ReferralFlow.Core.Replies;

/// <summary>What the reply page may show about a request, and nothing more: no partner, no history, no person.
/// <see cref="ReferralId"/> is for looking up the sender and is never displayed.</summary>
public sealed record ReplyView(
    Guid ReferralId, string CaseCode, string Title, string Request, DateTimeOffset? DueAt, string Outcome, ReplyForm Form);

/// <summary>What became of opening or answering through a reply link; the page maps each to its status code.</summary>
public abstract record ReplyResult
{
    private ReplyResult() { }

    /// <summary>No such token (never issued, mistyped or tampered with): 404, and not a word about any referral.</summary>
    public sealed record Unknown : ReplyResult;

    /// <summary>410: the link is past its expiry.</summary>
    public sealed record Expired : ReplyResult;

    /// <summary>410: a link of this hand-off already answered it; nothing changed.</summary>
    public sealed record AlreadyAnswered : ReplyResult;

    /// <summary>410: the request moved to another organisation (forwarded, or its role reassigned); the page says so and
    /// nothing more: not where it went.</summary>
    public sealed record Moved : ReplyResult;

    /// <summary>410: the request was closed another way (answered by phone, withdrawn, timed out); nothing changed.</summary>
    public sealed record Closed : ReplyResult;

    /// <summary>409: the consent gate holds this request; nothing can be answered until the person's consent releases it.</summary>
    public sealed record ConsentNeeded : ReplyResult;

    /// <summary>200: the request and the form for this link's answer.</summary>
    public sealed record Open(ReplyView View) : ReplyResult;

    /// <summary>400: the form is incomplete; nothing was stored.</summary>
    public sealed record Invalid(ReplyView View, IReadOnlyDictionary<string, string> Errors) : ReplyResult;

    /// <summary>200: answer stored, workflow resumed, links spent and the sender notified, in one commit.</summary>
    public sealed record Recorded(ReplyView View) : ReplyResult;
}
