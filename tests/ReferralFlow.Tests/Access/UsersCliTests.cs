using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReferralFlow.Core.Access;
using ReferralFlow.Tests.Cli;

namespace ReferralFlow.Tests.Access;

public class UsersCliTests
{
    [Fact]
    public async Task The_first_administrator_is_added_with_a_generated_password_printed_once_and_listed()
    {
        await using var cli = await StaffCli.WithDirectoryAsync(CliRun.OnSqlite());
        var empty = await cli.RunAsync("users", "list");
        Assert.Contains("No users yet", empty.Out);

        var added = await cli.RunAsync("users", "add", "--email", "Ada@KOOFRA.example.org", "--name", "Ada Lindqvist",
            "--organisation", "de-koofra", "--role", "administrator");

        Assert.True(added.ExitCode == 0, added.ToString());
        var passwordLine = Assert.Single(added.OutLines, l => l.StartsWith("password: ", StringComparison.Ordinal));
        var password = passwordLine["password: ".Length..];
        Assert.True(password.Length >= StaffIdentity.MinimumPasswordLength, password);
        await using (var staff = StaffIdentity.Services(cli.ConnectionString, cli.KeysFolder, TimeProvider.System))
        await using (var scope = staff.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = await users.FindByEmailAsync("ada@koofra.example.org");
            Assert.NotNull(user);
            Assert.True(await users.CheckPasswordAsync(user, password));
            Assert.DoesNotContain(password, user.PasswordHash!, StringComparison.Ordinal);
            Assert.Equal([StaffRoles.Administrator], await users.GetRolesAsync(user));
        }

        var listed = Assert.Single((await cli.JsonAsync("users", "list")).AsArray())!;
        Assert.Equal("Ada@KOOFRA.example.org", listed["email"]!.GetValue<string>());
        Assert.Equal(("Ada Lindqvist", "de-koofra"), (listed["fullName"]!.GetValue<string>(), listed["organisation"]!.GetValue<string>()));
        Assert.Equal(["administrator"], listed["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.False(listed["twoFactorEnabled"]!.GetValue<bool>());
        Assert.False(listed["disabled"]!.GetValue<bool>());
        Assert.DoesNotContain(password, (await cli.RunAsync("users", "list")).Out, StringComparison.Ordinal);

        var audit = Assert.Single((await cli.JsonAsync("audit", "list")).AsArray())!;
        Assert.Equal(StaffUserAdding.Added, audit["action"]!.GetValue<string>());
        Assert.Equal(0, (await cli.RunAsync("audit", "verify")).ExitCode);
    }

    [Fact]
    public async Task A_user_with_several_roles_and_a_chosen_password_keeps_that_password()
    {
        await using var cli = await StaffCli.WithDirectoryAsync(CliRun.OnSqlite());
        var added = await cli.RunAsync("users", "add", "--email", "cw@adpare.example.org", "--name", "Ioana Pop", "--organisation", "ro-adpare",
            "--role", "caseworker", "--role", "coordinator", "--password", StaffCli.StrongPassword);

        Assert.True(added.ExitCode == 0, added.ToString());
        Assert.DoesNotContain("password:", added.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(StaffCli.StrongPassword, added.Out + added.Err, StringComparison.Ordinal);
        await using var db = StaffCli.Open(cli);
        var user = await db.Users.SingleAsync();
        Assert.Equal(PasswordVerificationResult.Success,
            new PasswordHasher<StaffUser>().VerifyHashedPassword(user, user.PasswordHash!, StaffCli.StrongPassword));
        Assert.Equal(["coordinator", "caseworker"], (await cli.JsonAsync("users", "list"))[0]!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task Disabling_locks_the_user_out_for_good_and_enabling_lets_them_back()
    {
        await using var cli = await StaffCli.WithDirectoryAsync(CliRun.OnSqlite());
        await cli.JsonAsync("users", "add", "--email", "cw@adpare.example.org", "--name", "Ioana Pop", "--organisation", "ro-adpare",
            "--role", "caseworker", "--password", StaffCli.StrongPassword);
        string stampBefore;
        await using (var db = StaffCli.Open(cli)) stampBefore = (await db.Users.SingleAsync()).SecurityStamp!;

        var disabled = await cli.JsonAsync("users", "disable", "CW@adpare.example.org", "--now", "2027-01-04T09:00:00Z");

        Assert.True(disabled["changed"]!.GetValue<bool>());
        Assert.True(disabled["user"]!["disabled"]!.GetValue<bool>());
        await using (var db = StaffCli.Open(cli))
        {
            var user = await db.Users.SingleAsync();
            Assert.Equal(new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.Zero), user.DisabledAt);
            Assert.False(StaffSignInRules.CanSignIn(user));
            Assert.Equal(StaffSignInRules.DisabledLockoutEnd, user.LockoutEnd);
            Assert.NotEqual(stampBefore, user.SecurityStamp);
        }
        Assert.False((await cli.JsonAsync("users", "disable", "cw@adpare.example.org"))["changed"]!.GetValue<bool>());

        var enabled = await cli.JsonAsync("users", "enable", "cw@adpare.example.org");

        Assert.False(enabled["user"]!["disabled"]!.GetValue<bool>());
        await using (var db = StaffCli.Open(cli))
        {
            var user = await db.Users.SingleAsync();
            Assert.True(StaffSignInRules.CanSignIn(user));
            Assert.Null(user.LockoutEnd);
        }
        var actions = (await cli.JsonAsync("audit", "list")).AsArray().Select(e => e!["action"]!.GetValue<string>());
        Assert.Equal([StaffUserAdding.Added, StaffUserDisabling.Disabled, StaffUserDisabling.Enabled], actions);
    }

    [Fact]
    public async Task Reset_password_prints_a_new_one_ends_the_lockout_and_keeps_two_factor_unless_asked()
    {
        await using var cli = await StaffCli.WithDirectoryAsync(CliRun.OnSqlite());
        await cli.JsonAsync("users", "add", "--email", "cw@adpare.example.org", "--name", "Ioana Pop", "--organisation", "ro-adpare",
            "--role", "caseworker", "--password", StaffCli.StrongPassword);
        await using (var db = StaffCli.Open(cli))
        {
            var user = await db.Users.SingleAsync();
            user.TwoFactorEnabled = true;
            user.AccessFailedCount = 3;
            user.LockoutEnd = DateTimeOffset.UtcNow.AddMinutes(10);
            await db.SaveChangesAsync();
        }

        var reset = await cli.RunAsync("users", "reset-password", "cw@adpare.example.org");

        Assert.True(reset.ExitCode == 0, reset.ToString());
        var password = Assert.Single(reset.OutLines, l => l.StartsWith("password: ", StringComparison.Ordinal))["password: ".Length..];
        await using (var staff = StaffIdentity.Services(cli.ConnectionString, cli.KeysFolder, TimeProvider.System))
        await using (var scope = staff.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByEmailAsync("cw@adpare.example.org"))!;
            Assert.True(await users.CheckPasswordAsync(user, password));
            Assert.False(await users.CheckPasswordAsync(user, StaffCli.StrongPassword));
            Assert.False(await users.IsLockedOutAsync(user));
            Assert.Equal(0, user.AccessFailedCount);
            Assert.True(user.TwoFactorEnabled);
        }

        var withTwoFactor = await cli.JsonAsync("users", "reset-password", "cw@adpare.example.org", "--password", StaffCli.StrongPassword,
            "--reset-two-factor");

        Assert.Null(withTwoFactor["password"]);
        Assert.True(withTwoFactor["twoFactorReset"]!.GetValue<bool>());
        Assert.False(withTwoFactor["user"]!["twoFactorEnabled"]!.GetValue<bool>());
        await using (var db = StaffCli.Open(cli))
            Assert.Contains(await db.UserTokens.ToListAsync(), t => t.Name == "AuthenticatorKey" && !string.IsNullOrEmpty(t.Value));
    }

    [Fact]
    public async Task Roles_are_set_to_exactly_those_given()
    {
        await using var cli = await StaffCli.WithDirectoryAsync(CliRun.OnSqlite());
        await cli.JsonAsync("users", "add", "--email", "cw@adpare.example.org", "--name", "Ioana Pop", "--organisation", "ro-adpare",
            "--role", "caseworker", "--password", StaffCli.StrongPassword);

        var changed = await cli.JsonAsync("users", "roles", "cw@adpare.example.org", "--set", "coordinator, administrator");

        Assert.Equal(["administrator", "coordinator"], changed["user"]!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(["caseworker"], changed["removed"]!.AsArray().Select(r => r!.GetValue<string>()));
        var again = await cli.RunAsync("users", "roles", "cw@adpare.example.org", "--set", "administrator,coordinator");
        Assert.Contains("has these roles already", again.Out);
        var actions = (await cli.JsonAsync("audit", "list")).AsArray().Select(e => e!["action"]!.GetValue<string>());
        Assert.Equal([StaffUserAdding.Added, StaffRoleChange.RolesSet], actions);
    }
}
