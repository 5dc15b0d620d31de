namespace ReferralFlow.Core.Access;

/// <summary>Roles as typed by an administrator: trimmed, lower case, each known, at least one, no repeats.</summary>
internal static class StaffRoleNames
{
    public static IReadOnlyList<string> Check(IEnumerable<string> typed)
    {
        var roles = typed.SelectMany(r => r.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(r => r.ToLowerInvariant()).Distinct().ToList();
        if (roles.Count == 0)
            throw new ReferralFlowException($"Roles: give at least one of {Choices}.");
        if (roles.FirstOrDefault(r => !StaffRoles.IsKnown(r)) is { } unknown)
            throw new ReferralFlowException($"Roles: '{unknown}' is not a role; choose from {Choices}.");
        return roles;
    }

    private static string Choices => string.Join(", ", StaffRoles.All);
}
