using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Core.Access;

/// <summary>A staff user as administrators see them. <see cref="LockedOutUntil"/> is set only while a lockout after
/// failed sign-ins runs (a disabled user's permanent lockout shows as <see cref="DisabledAt"/> instead).</summary>
public sealed record StaffUserSummary(
    Guid Id, string Email, string FullName, string Organisation, string OrganisationName, IReadOnlyList<string> Roles,
    bool TwoFactorEnabled, DateTimeOffset? LockedOutUntil, DateTimeOffset? DisabledAt, DateTimeOffset CreatedAt)
{
    public bool IsDisabled => DisabledAt is not null;
}

/// <summary><c>users list</c>: every user with organisation, roles and sign-in state, by e-mail address.</summary>
public static class StaffUserList
{
    public static Task<IReadOnlyList<StaffUserSummary>> ListAsync(IServiceProvider services, CancellationToken ct) =>
        StaffChange.ReadAsync(services, (db, now) => ListAsync(db, now, null, ct));

    internal static async Task<StaffUserSummary> OneAsync(ReferralFlowDb db, DateTimeOffset now, Guid userId, CancellationToken ct) =>
        (await ListAsync(db, now, userId, ct)).Single();

    internal static async Task<IReadOnlyList<StaffUserSummary>> ListAsync(ReferralFlowDb db, DateTimeOffset now, Guid? only, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking()
            .Where(u => only == null || u.Id == only)
            .Join(db.Organisations, u => u.OrganisationId, o => o.Id, (u, o) => new { User = u, o.Key, o.Name })
            .ToListAsync(ct);
        var ids = users.Select(u => u.User.Id).ToList();
        var roles = (await db.UserRoles.Where(ur => ids.Contains(ur.UserId))
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
                .ToListAsync(ct))
            .ToLookup(r => r.UserId, r => r.Name!);
        return [.. users
            .Select(u => new StaffUserSummary(u.User.Id, u.User.Email ?? "", u.User.FullName, u.Key, u.Name,
                [.. roles[u.User.Id].OrderBy(r => StaffRolesOrder(r))],
                u.User.TwoFactorEnabled,
                u.User.DisabledAt is null && u.User.LockoutEnd > now ? u.User.LockoutEnd : null,
                u.User.DisabledAt, u.User.CreatedAt))
            .OrderBy(u => u.Email, StringComparer.OrdinalIgnoreCase)];
    }

    private static readonly List<string> RoleOrder = [.. StaffRoles.All];

    private static int StaffRolesOrder(string role) => RoleOrder.IndexOf(role) is var i and >= 0 ? i : int.MaxValue;
}
