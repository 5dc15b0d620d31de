namespace ReferralFlow.Core.Access;

/// <summary>A personal access token for API clients: it carries its user's rights, is shown once and stored only as a
/// hash, expires, and can be revoked.</summary>
public sealed class AccessToken
{
    public required Guid Id { get; init; }
    public required Guid UserId { get; init; }

    /// <summary>What the user called it ("case-sync script"), to tell tokens apart when revoking.</summary>
    public required string Name { get; init; }

    /// <summary>SHA-256 of the token, hex; the token itself is never stored.</summary>
    public required string TokenHash { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; set; }

    public bool IsUsableAt(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;

    public void Revoke(DateTimeOffset at) => RevokedAt ??= at;
}
