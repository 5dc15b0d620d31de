namespace ReferralFlow.Core.Replies;

/// <summary>
/// One reply link: the right to give one answer to one hand-off, for the contact it was sent to, until it expires.
/// Only the SHA-256 hash of the link's token is kept, so a copy of the database cannot answer for a partner.
/// </summary>
public sealed class ReplyToken
{
    public required Guid Id { get; init; }
    public required Guid HandOffId { get; init; }

    /// <summary>The directory contact the link was mailed to; null for the configured coordinator addresses.
    /// No foreign key: a directory import may replace contacts, and the link must stay attributable.</summary>
    public Guid? ContactId { get; init; }

    /// <summary>The answer this link gives; the form on the reply page is the one for this outcome.</summary>
    public required string Outcome { get; init; }

    /// <summary>Lower-case hex SHA-256 of the token text (<see cref="ReplyTokenText.Hash"/>).</summary>
    public required string TokenHash { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? UsedAt { get; private set; }

    /// <summary>When the request moved to another recipient (forwarded, reassigned): the link then only says so.</summary>
    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsUsed => UsedAt is not null;

    public void Revoke(DateTimeOffset at)
    {
        if (UsedAt is null && RevokedAt is null) RevokedAt = at;
    }

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;

    /// <summary>Single use: once any link of a hand-off has answered it, every link of that hand-off is spent.</summary>
    public void MarkUsed(DateTimeOffset at)
    {
        if (UsedAt is { } used)
            throw new InvalidOperationException($"Reply token {Id} was already used at {used:u}.");
        UsedAt = at;
    }
}
