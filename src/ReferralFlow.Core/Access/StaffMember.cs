namespace ReferralFlow.Core.Access;

/// <summary>The signed-in person as the access rule sees them: who, for which organisation, in which roles.</summary>
public sealed record StaffMember(Guid UserId, string UserName, Guid OrganisationId, IReadOnlySet<string> Roles)
{
    public bool IsCaseworker => Roles.Contains(StaffRoles.Caseworker);
    public bool IsCoordinator => Roles.Contains(StaffRoles.Coordinator);
    public bool IsAdministrator => Roles.Contains(StaffRoles.Administrator);

    /// <summary>Only caseworkers work referrals and may, where the rule allows, read the person's data.</summary>
    public bool WorksReferrals => IsCaseworker;

    /// <summary>Coordinators watch the network; caseworkers see what their organisation works.</summary>
    public bool SeesReferrals => IsCaseworker || IsCoordinator;
}
