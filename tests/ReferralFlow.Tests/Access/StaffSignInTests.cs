using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ReferralFlow.Core.Access;
using ReferralFlow.Core.Audit;
using ReferralFlow.Tests.Cli;

namespace ReferralFlow.Tests.Access;

/// <summary>The rules the web's sign-in relies on, checked through the same UserManager the CLI builds.</summary>
public class StaffSignInTests
{
    private static readonly AuditActor Operator = AuditActor.Cli("administrator");

    [Fact]
    public async Task A_disabled_user_may_not_sign_in_even_with_the_right_password()
    {
        await using var cli = await StaffCli.WithDirectoryAsync(CliRun.OnSqlite());
        await using var staff = StaffIdentity.Services(cli.ConnectionString, cli.KeysFolder, TimeProvider.System);
        await StaffUserAdding.AddAsync(staff, new NewStaffUser("cw@adpare.example.org", "Ioana Pop", "ro-adpare",
            [StaffRoles.Caseworker], StaffCli.StrongPassword), Operator, default);

        await StaffUserDisabling.DisableAsync(staff, "cw@adpare.example.org", Operator, default);

        await using (var scope = staff.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByEmailAsync("cw@adpare.example.org"))!;
            // The password itself still matches: what refuses the sign-in is the rule, and Identity's lockout with it.
            Assert.True(await users.CheckPasswordAsync(user, StaffCli.StrongPassword));
            Assert.False(StaffSignInRules.CanSignIn(user));
            Assert.True(await users.IsLockedOutAsync(user));
        }

        await StaffUserDisabling.EnableAsync(staff, "cw@adpare.example.org", Operator, default);

        await using (var scope = staff.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByEmailAsync("cw@adpare.example.org"))!;
            Assert.True(StaffSignInRules.CanSignIn(user));
            Assert.False(await users.IsLockedOutAsync(user));
        }
    }

    /// <remarks>Identity 10's UserManager reads the system clock for lockout (it takes no TimeProvider), so the test
    /// checks the lockout's end against the real time rather than moving a fake clock past it.</remarks>
    [Fact]
    public async Task Five_failed_sign_ins_lock_the_user_out_for_fifteen_minutes()
    {
        await using var cli = await StaffCli.WithDirectoryAsync(CliRun.OnSqlite());
        await using var staff = StaffIdentity.Services(cli.ConnectionString, cli.KeysFolder, TimeProvider.System);
        await StaffUserAdding.AddAsync(staff, new NewStaffUser("cw@adpare.example.org", "Ioana Pop", "ro-adpare",
            [StaffRoles.Caseworker], StaffCli.StrongPassword), Operator, default);
        await using var scope = staff.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = (await users.FindByEmailAsync("cw@adpare.example.org"))!;

        for (var failure = 1; failure < StaffIdentity.MaxFailedSignIns; failure++)
        {
            Assert.False(await users.CheckPasswordAsync(user, "wrong password " + failure));
            await users.AccessFailedAsync(user);
        }
        Assert.False(await users.IsLockedOutAsync(user));
        var before = DateTimeOffset.UtcNow;
        await users.AccessFailedAsync(user);
        var after = DateTimeOffset.UtcNow;

        Assert.True(await users.IsLockedOutAsync(user));
        Assert.InRange(user.LockoutEnd!.Value, before + TimeSpan.FromMinutes(15), after + TimeSpan.FromMinutes(15));
        Assert.Equal(5, StaffIdentity.MaxFailedSignIns);
    }
}
