using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;

namespace ReferralFlow.Core.Access;

/// <summary>Refuses a password found in lists of the passwords most used in breaches (common-passwords.txt, shipped in
/// this assembly): length without composition rules, but not a password an attacker tries first. Compared without
/// regard to case, as attackers' lists vary case too.</summary>
public sealed class CommonPasswords : IPasswordValidator<StaffUser>
{
    private static readonly Lazy<FrozenSet<string>> List = new(Load);

    public static bool Contains(string password) => List.Value.Contains(password.Trim());

    public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password) =>
        Task.FromResult(password is not null && Contains(password)
            ? IdentityResult.Failed(new IdentityError
            {
                Code = "CommonPassword",
                Description = "This password is among the most common ones attackers try first; choose another, for example a few unrelated words.",
            })
            : IdentityResult.Success);

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream("ReferralFlow.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-passwords list is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var passwords = new List<string>();
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && !line.StartsWith('#')) passwords.Add(line);
        return passwords.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
