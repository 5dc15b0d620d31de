using ReferralFlow.Core.Audit;
using ReferralFlow.Core.Acting;

namespace ReferralFlow.Core.Access;

/// <summary>A new password for <paramref name="Email"/>: <paramref name="Password"/>, or a generated one.
/// <paramref name="ResetTwoFactor"/> also turns two-factor sign-in off and replaces the authenticator key (a lost
/// phone), so the user enrols again.</summary>
public sealed record PasswordReset(string Email, string? Password = null, bool ResetTwoFactor = false);

public sealed record PasswordWasReset(StaffUserSummary User, string? GeneratedPassword, bool TwoFactorReset);

/// <summary><c>users reset-password</c>: replaces the password, ends a lockout after failed sign-ins (not a disabled
/// user's), renews the security stamp so sessions signed in with the old password end. Two-factor sign-in stays as it
/// is unless asked.</summary>
public static class StaffPasswordReset
{
    public const string Reset = "user.password-reset";

    public static async Task<PasswordWasReset> ResetAsync(IServiceProvider services, PasswordReset input, Actor actor, CancellationToken ct)
    {
        var generated = input.Password is null ? StaffPasswords.Generate() : null;
        return await StaffChange.RunAsync(services, async staff =>
        {
            var user = await staff.UserAsync(input.Email);
            staff.Audit(actor, Reset, user, input.ResetTwoFactor ? "two-factor sign-in reset" : null);
            // Checked before anything is saved, so a refused password leaves the old one and the lockout as they were.
            foreach (var validator in staff.Users.PasswordValidators)
                StaffErrors.ThrowIfFailed(await validator.ValidateAsync(staff.Users, user, input.Password ?? generated));
            if (await staff.Users.HasPasswordAsync(user)) StaffErrors.ThrowIfFailed(await staff.Users.RemovePasswordAsync(user));
            StaffErrors.ThrowIfFailed(await staff.Users.AddPasswordAsync(user, input.Password ?? generated!));
            if (!user.IsDisabled)
            {
                StaffErrors.ThrowIfFailed(await staff.Users.SetLockoutEndDateAsync(user, null));
                StaffErrors.ThrowIfFailed(await staff.Users.ResetAccessFailedCountAsync(user));
            }
            if (input.ResetTwoFactor)
            {
                StaffErrors.ThrowIfFailed(await staff.Users.SetTwoFactorEnabledAsync(user, false));
                StaffErrors.ThrowIfFailed(await staff.Users.ResetAuthenticatorKeyAsync(user));
                await staff.RecoveryCodes.ReplaceCodesAsync(user, [], ct);
                StaffErrors.ThrowIfFailed(await staff.Users.UpdateAsync(user));
            }
            return new PasswordWasReset(await StaffUserList.OneAsync(staff.Db, staff.Now, user.Id, ct), generated, input.ResetTwoFactor);
        }, ct);
    }
}
