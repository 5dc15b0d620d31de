using System.CommandLine;
using ReferralFlow.Cli.Output;
using ReferralFlow.Core.Access;
using ReferralFlow.Core.Audit;
using ReferralFlow.Core.Acting;

namespace ReferralFlow.Cli.Commands;

/// <summary><c>users add | list | disable | enable | reset-password | roles</c>: staff who sign in to the web app. A
/// deployment starts with no user; its first administrator is made here. Passwords are printed once, never logged.</summary>
internal static class UsersCommands
{
    // Who the audit trail names for changes made here: the operator of the server, by their OS user name.
    private static Actor Operator => Actor.CurrentOperator();

    public static Command Create() => new("users", "Staff users of directory organisations: who signs in, with which roles")
    {
        Add(), List(), Disable(), Enable(), ResetPassword(), Roles(),
    };

    private static Argument<string> Email() => new("email") { Description = "The user's e-mail address (their sign-in name)" };

    private static Option<string?> Password() => new("--password")
    {
        Description = $"The password, at least {StaffIdentity.MinimumPasswordLength} characters and not a common one " +
            "(default: a generated one, printed once). A password typed here may stay in the shell's history",
        HelpName = "password",
    };

    private static Command Add()
    {
        var email = new Option<string>("--email") { Description = "E-mail address, the sign-in name", Required = true, HelpName = "email" };
        var name = new Option<string>("--name") { Description = "Full name, as colleagues know them", Required = true, HelpName = "name" };
        var organisation = new Option<string>("--organisation")
        {
            Description = "The user's organisation: directory id (from 'partners list') or its GUID", Required = true, HelpName = "id",
        };
        var role = new Option<string[]>("--role")
        {
            Description = $"A role: {string.Join(", ", StaffRoles.All)}; repeat for more", Required = true, HelpName = "role",
        };
        var password = Password();
        var command = new Command("add", "Add a user of a directory organisation with one or more roles; the first " +
            "administrator of a deployment is made this way") { email, name, organisation, role, password };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            await using var staff = await OpenAsync(parse, output, ct);
            var added = await StaffUserAdding.AddAsync(staff, new NewStaffUser(parse.GetValue(email)!, parse.GetValue(name)!,
                parse.GetValue(organisation)!, parse.GetValue(role)!, parse.GetValue(password)), Operator, ct);
            if (output.Json) output.WriteJson(new { user = UsersText.Json(added.User), password = added.GeneratedPassword });
            else
            {
                output.Line($"Added {UsersText.Describe(added.User)}.");
                UsersText.Password(output, added.GeneratedPassword);
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "Every user: organisation, roles, two-factor sign-in, lockout, disabled");
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            await using var staff = await OpenAsync(parse, output, ct);
            var users = await StaffUserList.ListAsync(staff, ct);
            if (output.Json) output.WriteJson(users.Select(UsersText.Json));
            else if (users.Count == 0)
                output.Line("No users yet; add the first administrator with 'referralflow users add --email … --name … " +
                    "--organisation … --role administrator'.");
            else
                output.Table(["EMAIL", "NAME", "ORGANISATION", "ROLES", "2FA", "LOCKED UNTIL", "DISABLED"], users.Select(u => (IReadOnlyList<string>)
                    [u.Email, u.FullName, u.Organisation, Text.List(u.Roles), u.TwoFactorEnabled ? "on" : "off",
                     Text.Time(u.LockedOutUntil), Text.Time(u.DisabledAt)]));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Disable()
    {
        var email = Email();
        var command = new Command("disable", "Stop a user signing in (their sessions and access tokens stop working); " +
            "nothing they did is removed") { email };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            await using var staff = await OpenAsync(parse, output, ct);
            var change = await StaffUserDisabling.DisableAsync(staff, parse.GetValue(email)!, Operator, ct);
            UsersText.Change(output, change, "Disabled", "was disabled already");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Enable()
    {
        var email = Email();
        var command = new Command("enable", "Let a disabled user sign in again") { email };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            await using var staff = await OpenAsync(parse, output, ct);
            var change = await StaffUserDisabling.EnableAsync(staff, parse.GetValue(email)!, Operator, ct);
            UsersText.Change(output, change, "Enabled", "was not disabled");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command ResetPassword()
    {
        var email = Email();
        var password = Password();
        var twoFactor = new Option<bool>("--reset-two-factor")
        {
            Description = "Also turn two-factor sign-in off and replace the authenticator key (a lost phone): the user enrols again",
        };
        var command = new Command("reset-password", "Give a user a new password and end a lockout after failed sign-ins; " +
            "two-factor sign-in is kept unless --reset-two-factor") { email, password, twoFactor };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            await using var staff = await OpenAsync(parse, output, ct);
            var reset = await StaffPasswordReset.ResetAsync(staff,
                new PasswordReset(parse.GetValue(email)!, parse.GetValue(password), parse.GetValue(twoFactor)), Operator, ct);
            if (output.Json)
                output.WriteJson(new { user = UsersText.Json(reset.User), password = reset.GeneratedPassword, twoFactorReset = reset.TwoFactorReset });
            else
            {
                output.Line($"New password for {reset.User.Email}" +
                    (reset.TwoFactorReset ? "; two-factor sign-in is off until they enrol again." : ".") +
                    (reset.User.IsDisabled ? " The user is still disabled ('referralflow users enable')." : ""));
                UsersText.Password(output, reset.GeneratedPassword);
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Roles()
    {
        var email = Email();
        var set = new Option<string>("--set")
        {
            Description = $"The user's roles from now on, comma-separated: {string.Join(", ", StaffRoles.All)}", Required = true, HelpName = "roles",
        };
        var command = new Command("roles", "Set a user's roles") { email, set };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            await using var staff = await OpenAsync(parse, output, ct);
            var changed = await StaffRoleChange.SetAsync(staff, parse.GetValue(email)!, [parse.GetValue(set)!], Operator, ct);
            if (output.Json) output.WriteJson(new { user = UsersText.Json(changed.User), changed.Added, changed.Removed });
            else
                output.Line(changed.Added.Count + changed.Removed.Count == 0
                    ? $"{changed.User.Email} has these roles already: {Text.List(changed.User.Roles)}."
                    : $"Roles of {changed.User.Email}: {Text.List(changed.User.Roles)}" +
                      (changed.Added.Count > 0 ? $" (added {Text.List(changed.Added)})" : "") +
                      (changed.Removed.Count > 0 ? $" (removed {Text.List(changed.Removed)})" : "") + ".");
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>The database made ready as for every command, and the command's services (the one composition root,
    /// Identity included), disposed when the command ends.</summary>
    private static async Task<Microsoft.Extensions.DependencyInjection.ServiceProvider> OpenAsync(ParseResult parse, CliOutput output, CancellationToken ct) =>
        (Microsoft.Extensions.DependencyInjection.ServiceProvider)(await CliContext.OpenAsync(parse, output, ct)).Services;
}
