namespace ReferralFlow.Core.Partners;

/// <summary>
/// The network's own person for a staff role (the directory file's <c>network:</c> section): who gets the
/// "coordinator" or "focal-point" messages of a referral whose sending organisation names nobody for that role.
/// Held by the contact's directory id rather than a database key, so that re-importing the contact's organisation
/// keeps the reference; a contact since removed resolves to nobody, and the incident says so.
/// </summary>
public sealed class NetworkContact
{
    /// <summary>One of <see cref="DirectoryStaffRoles.All"/>.</summary>
    public required string Role { get; init; }

    public required string ContactKey { get; set; }
}
