using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ReferralFlow.Core.Access;
using ReferralFlow.Core.Audit;
using ReferralFlow.Core.Acting;
using ReferralFlow.Engine.Simulation;
using ReferralFlow.Tests.Cli;

namespace ReferralFlow.Tests.Access;

/// <summary>The rules the web's sign-in relies on, checked through the same UserManager the CLI builds.</summary>
public class StaffSignInTests
{
    private static readonly Actor Operator = Actor.Operator("administrator");

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

    [Fact]
    public async Task Five_failed_sign_ins_lock_the_user_out_for_fifteen_minutes_on_the_application_clock()
    {
        await using var cli = await StaffCli.WithDirectoryAsync(CliRun.OnSqlite());
        var clock = new VirtualClock(new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.Zero));
        await using var staff = StaffIdentity.Services(cli.ConnectionString, cli.KeysFolder, clock);
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
        await users.AccessFailedAsync(user);

        Assert.Equal(5, StaffIdentity.MaxFailedSignIns);
        Assert.True(await users.IsLockedOutAsync(user));
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromMinutes(15), user.LockoutEnd);
        clock.Advance(TimeSpan.FromMinutes(14));
        Assert.True(await users.IsLockedOutAsync(user));
        clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        Assert.False(await users.IsLockedOutAsync(user));
        Assert.True(await users.CheckPasswordAsync(user, StaffCli.StrongPassword));
    }
}
