using ReferralFlow.Core.Audit;
using ReferralFlow.Core.Acting;

namespace ReferralFlow.Core.Access;

public sealed record RolesWereSet(StaffUserSummary User, IReadOnlyList<string> Added, IReadOnlyList<string> Removed);

/// <summary><c>users roles --set</c>: the user's roles become exactly those given. The security stamp is renewed when
/// they change, so a signed-in session does not keep a role it lost.</summary>
public static class StaffRoleChange
{
    public const string RolesSet = "user.roles-set";

    public static async Task<RolesWereSet> SetAsync(IServiceProvider services, string email, IReadOnlyList<string> roles,
        Actor actor, CancellationToken ct)
    {
        var wanted = StaffRoleNames.Check(roles);
        return await StaffChange.RunAsync(services, async staff =>
        {
            var user = await staff.UserAsync(email);
            var current = await staff.Users.GetRolesAsync(user);
            List<string> added = [.. wanted.Except(current)];
            List<string> removed = [.. current.Except(wanted)];
            if (added.Count + removed.Count > 0)
            {
                staff.Audit(actor, RolesSet, user, $"roles {string.Join(", ", wanted)}");
                await staff.EnsureRolesAsync(added);
                if (removed.Count > 0) StaffErrors.ThrowIfFailed(await staff.Users.RemoveFromRolesAsync(user, removed));
                if (added.Count > 0) StaffErrors.ThrowIfFailed(await staff.Users.AddToRolesAsync(user, added));
                StaffErrors.ThrowIfFailed(await staff.Users.UpdateSecurityStampAsync(user));
            }
            return new RolesWereSet(await StaffUserList.OneAsync(staff.Db, staff.Now, user.Id, ct), added, removed);
        }, ct);
    }
}
