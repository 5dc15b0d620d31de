using ReferralFlow.Core.Audit;
using ReferralFlow.Core.Acting;

namespace ReferralFlow.Core.Access;

/// <summary>The user after the change, and whether there was one (disabling a disabled user changes nothing).</summary>
public sealed record StaffUserChange(StaffUserSummary User, bool Changed);

/// <summary><c>users disable | enable</c>. A disabled user keeps everything they did but cannot sign in
/// (<see cref="StaffSignInRules"/>): besides <see cref="StaffUser.DisabledAt"/>, they are locked out with no end and
/// their security stamp renewed, so Identity itself refuses their password and their cookies stop working.</summary>
public static class StaffUserDisabling
{
    public const string Disabled = "user.disabled";
    public const string Enabled = "user.enabled";

    public static Task<StaffUserChange> DisableAsync(IServiceProvider services, string email, Actor actor, CancellationToken ct) =>
        StaffChange.RunAsync(services, async staff =>
        {
            var user = await staff.UserAsync(email);
            if (user.IsDisabled) return new StaffUserChange(await StaffUserList.OneAsync(staff.Db, staff.Now, user.Id, ct), false);
            staff.Audit(actor, Disabled, user);
            user.DisabledAt = staff.Now;
            StaffErrors.ThrowIfFailed(await staff.Users.SetLockoutEnabledAsync(user, true));
            StaffErrors.ThrowIfFailed(await staff.Users.SetLockoutEndDateAsync(user, StaffSignInRules.DisabledLockoutEnd));
            StaffErrors.ThrowIfFailed(await staff.Users.UpdateSecurityStampAsync(user));
            return new StaffUserChange(await StaffUserList.OneAsync(staff.Db, staff.Now, user.Id, ct), true);
        }, ct);

    public static Task<StaffUserChange> EnableAsync(IServiceProvider services, string email, Actor actor, CancellationToken ct) =>
        StaffChange.RunAsync(services, async staff =>
        {
            var user = await staff.UserAsync(email);
            if (!user.IsDisabled) return new StaffUserChange(await StaffUserList.OneAsync(staff.Db, staff.Now, user.Id, ct), false);
            staff.Audit(actor, Enabled, user);
            user.DisabledAt = null;
            StaffErrors.ThrowIfFailed(await staff.Users.SetLockoutEndDateAsync(user, null));
            StaffErrors.ThrowIfFailed(await staff.Users.ResetAccessFailedCountAsync(user));
            return new StaffUserChange(await StaffUserList.OneAsync(staff.Db, staff.Now, user.Id, ct), true);
        }, ct);
}
