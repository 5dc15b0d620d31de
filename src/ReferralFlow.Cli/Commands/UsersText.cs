using ReferralFlow.Cli.Output;
using ReferralFlow.Core.Access;

namespace ReferralFlow.Cli.Commands;

/// <summary>How the users commands print a user, a change and a generated password.</summary>
internal static class UsersText
{
    public static string Describe(StaffUserSummary user) =>
        $"{user.Email} ({user.FullName}): {Text.List(user.Roles)} of {user.OrganisationName} ({user.Organisation})";

    public static object Json(StaffUserSummary user) => new
    {
        user.Id, user.Email, user.FullName, user.Organisation, user.OrganisationName, user.Roles, user.TwoFactorEnabled,
        user.LockedOutUntil, disabled = user.IsDisabled, user.DisabledAt, user.CreatedAt,
    };

    /// <summary>A generated password on its own line, to be copied once: it is stored only as a hash.</summary>
    public static void Password(CliOutput output, string? generated)
    {
        if (generated is null) return;
        output.Line($"password: {generated}");
        output.Line("(shown once: give it to the user by a safe channel; 'referralflow users reset-password' makes a new one)");
    }

    public static void Change(CliOutput output, StaffUserChange change, string done, string already)
    {
        if (output.Json) output.WriteJson(new { user = Json(change.User), change.Changed });
        else output.Line(change.Changed ? $"{done} {Describe(change.User)}." : $"{change.User.Email} {already}; nothing changed.");
    }
}
