namespace ReferralFlow.Core.Access;

/// <summary>What a user does in the network (issue "front door" §1). A user may hold more than one.</summary>
public static class StaffRoles
{
    /// <summary>Users, the directory and settings; no referral data.</summary>
    public const string Administrator = "administrator";

    /// <summary>Procedures, and the network view: case codes and workflow facts of the referrals their organisation
    /// takes part in, never the person's data.</summary>
    public const string Coordinator = "coordinator";

    /// <summary>Works the referrals of their organisation, the person's data included (each read audited).</summary>
    public const string Caseworker = "caseworker";

    public static readonly IReadOnlyList<string> All = [Administrator, Coordinator, Caseworker];

    /// <summary>Roles that can read the person's data: two-factor sign-in is required for them.</summary>
    public static readonly IReadOnlyList<string> ReadingPersonalData = [Caseworker];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
