using Microsoft.AspNetCore.Identity;

namespace ReferralFlow.Core.Access;

/// <summary>A person who signs in: staff of one organisation of the partner directory. What they may see and do follows
/// from that organisation and their roles (<see cref="StaffRoles"/>), through <see cref="ReferralAccess"/>.</summary>
public sealed class StaffUser : IdentityUser<Guid>
{
    public Guid OrganisationId { get; set; }

    /// <summary>The name colleagues know them by, shown beside what they did.</summary>
    public string FullName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>A disabled user cannot sign in and their access tokens stop working; nothing they did is removed.</summary>
    public DateTimeOffset? DisabledAt { get; set; }

    public bool IsDisabled => DisabledAt is not null;
}
