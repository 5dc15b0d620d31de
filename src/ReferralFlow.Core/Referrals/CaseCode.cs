using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace ReferralFlow.Core.Referrals;

/// <summary>The human-facing case number, e.g. <c>RF-2026-7KQ3M</c>: read out on the phone and typed by partners,
/// so its alphabet leaves out the look-alikes 0/O, 1/I/L.</summary>
public static partial class CaseCode
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public const int RandomLength = 5;

    public static string New(TimeProvider time, RandomNumberGenerator random)
    {
        Span<char> chars = stackalloc char[RandomLength];
        Span<byte> one = stackalloc byte[1];
        // Rejection sampling: bytes past the largest multiple of the alphabet size would favour its first letters.
        var limit = 256 - 256 % Alphabet.Length;
        for (var i = 0; i < chars.Length;)
        {
            random.GetBytes(one);
            if (one[0] < limit) chars[i++] = Alphabet[one[0] % Alphabet.Length];
        }
        return $"RF-{time.GetUtcNow().Year:D4}-{chars}";
    }

    public static bool IsValid(string text) => Pattern().IsMatch(text);

    [GeneratedRegex("^RF-[0-9]{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5}$")]
    private static partial Regex Pattern();
}
