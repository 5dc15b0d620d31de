using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ReferralFlow.Core.Replies;

/// <summary>The secret in a reply link: 256 random bits as base64url (43 characters, safe in a URL path).</summary>
public static class ReplyTokenText
{
    private const int Bytes = 32;
    public const int Length = 43;

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(Bytes));

    /// <summary>What is stored instead of the token. A plain SHA-256 suffices (no salt, no stretching): the
    /// token has 256 bits of entropy, so there is nothing to guess, and an unsalted hash can be looked up.</summary>
    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    /// <summary>Rejects anything that cannot be one of our tokens before it reaches the database.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: Length } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
