using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Audit;
using ReferralFlow.Core.Acting;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Core.Access;

/// <summary>Personal access tokens (issue "front door" §2): 256 random bits behind a recognisable prefix, shown once,
/// stored as SHA-256 (a random secret needs no slow hash), valid for up to a year, revocable. Created and revoked with an
/// audit entry.</summary>
public static class PersonalAccessTokens
{
    public const string Prefix = "rfpat_";
    public const int MaxLifetimeDays = 365;
    public const int MaxNameLength = 80;

    public static async Task<(AccessToken Token, string Secret)> CreateAsync(ReferralFlowDb db, Guid userId, string? name,
        int lifetimeDays, DateTimeOffset now, Actor actor, CancellationToken ct)
    {
        var label = (name ?? "").Trim();
        if (label.Length == 0) throw new ReferralFlowException("Give the token a name, to tell it apart when you revoke it.");
        if (label.Length > MaxNameLength || label.Any(char.IsControl))
            throw new ReferralFlowException($"The token's name must be at most {MaxNameLength} characters, without control characters.");
        if (lifetimeDays is < 1 or > MaxLifetimeDays)
            throw new ReferralFlowException($"A token lives from 1 to {MaxLifetimeDays} days.");
        var secret = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var token = new AccessToken
        {
            Id = Guid.NewGuid(), UserId = userId, Name = label, TokenHash = Hash(secret),
            CreatedAt = now, ExpiresAt = now.AddDays(lifetimeDays),
        };
        db.AccessTokens.Add(token);
        AuditTrail.Record(db, actor, "access-token.created", null, $"access-token:{token.Id:D}", now,
            $"expires {token.ExpiresAt:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
        return (token, secret);
    }

    /// <summary>The token that <paramref name="secret"/> names, when it is neither expired nor revoked.</summary>
    public static async Task<AccessToken?> FindUsableAsync(ReferralFlowDb db, string secret, DateTimeOffset now, CancellationToken ct)
    {
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal) || secret.Length > 128) return null;
        var hash = Hash(secret);
        var token = await db.AccessTokens.SingleOrDefaultAsync(t => t.TokenHash == hash, ct);
        return token is not null && token.IsUsableAt(now) ? token : null;
    }

    public static async Task<IReadOnlyList<AccessToken>> ListAsync(ReferralFlowDb db, Guid userId, CancellationToken ct) =>
        (await db.AccessTokens.AsNoTracking().Where(t => t.UserId == userId).ToListAsync(ct))
            .OrderByDescending(t => t.CreatedAt).ToList();

    /// <summary>Revokes one of the user's own tokens; false when they have no such token.</summary>
    public static async Task<bool> RevokeAsync(ReferralFlowDb db, Guid userId, Guid tokenId, DateTimeOffset now, Actor actor,
        CancellationToken ct)
    {
        var token = await db.AccessTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, ct);
        if (token is null) return false;
        if (token.RevokedAt is null)
        {
            token.Revoke(now);
            AuditTrail.Record(db, actor, "access-token.revoked", null, $"access-token:{token.Id:D}", now);
            await db.SaveChangesAsync(ct);
        }
        return true;
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
