namespace ReferralFlow.Core.Access;

/// <summary>
/// What decides, beyond the password and Identity's lockout, whether a user may sign in or use an access token. The
/// web host asks it after the password check (and on each token use); disabling also locks the user out for good and
/// renews the security stamp, so a host that forgets to ask still refuses the password and drops existing cookies at
/// their next validation.
/// </summary>
public static class StaffSignInRules
{
    public static bool CanSignIn(StaffUser user) => !user.IsDisabled;

    /// <summary>The lockout end of a disabled user: never reached, and stored exactly by both databases (unlike
    /// <see cref="DateTimeOffset.MaxValue"/>, whose last ticks a timestamp column drops).</summary>
    public static readonly DateTimeOffset DisabledLockoutEnd = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The sentence shown to a user who may not sign in; the same whatever the reason, so it reveals nothing.</summary>
    public const string Refusal = "Sign-in failed: check the e-mail address and password, or ask an administrator.";
}
