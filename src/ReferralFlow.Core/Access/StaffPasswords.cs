using System.Security.Cryptography;

namespace ReferralFlow.Core.Access;

/// <summary>Passwords made for a user (a new account, a reset): random, printed once, never stored in clear.</summary>
public static class StaffPasswords
{
    // Lower-case letters and digits without look-alikes (0/o, 1/l/i): easy to read off a terminal and type once.
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
    private const int Groups = 5;
    private const int GroupLength = 5;

    /// <summary>Five groups of five characters (about 124 bits), e.g. <c>k7mq2-9xhtr-…</c>; well over the minimum length.</summary>
    public static string Generate() =>
        string.Join('-', Enumerable.Range(0, Groups).Select(_ => RandomNumberGenerator.GetString(Alphabet, GroupLength)));
}
