using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace ReferralFlow.Core.Referrals;

/// <summary>The human-facing case number, e.g. <c>RF-2026-7KQ3M</c>: read out on the phone and typed by partners,
/// so its alphabet leaves out the look-alikes 0/O, 1/I/L. A referral keeps it for life: its sub-procedures and
/// reopenings carry it too, with a suffix (<c>RF-2026-7KQ3M/2</c>) only on one that runs alongside another procedure
/// of the same case (<see cref="CaseParts"/>), where a partner has to tell two requests apart.</summary>
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

    /// <summary>The code without its suffix: the case a procedure belongs to.</summary>
    public static string Base(string code) => code.IndexOf('/') is var slash and >= 0 ? code[..slash] : code;

    /// <summary>The code of the case's <paramref name="part"/>-th procedure when it runs alongside another one.</summary>
    public static string Suffixed(string code, int part) =>
        part >= 2 ? $"{Base(code)}/{part}" : throw new ArgumentOutOfRangeException(nameof(part), "The case's first procedure has no suffix.");

    // The suffix counts the case's procedures from 2 (the first has none), without leading zeros.
    [GeneratedRegex("^RF-[0-9]{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5}(/([2-9]|[1-9][0-9]{1,3}))?$")]
    private static partial Regex Pattern();
}
