using ReferralFlow.Core.CaseRecords;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Core.CaseEvents;

/// <summary>
/// A missing child alerts at once the coordinator, the guardian's organisation and the police contact of the corridor
/// (issue 9 §6), as <see cref="StaffAlert"/> rows rendered with the "alert" template: case code and "the child is
/// missing", nothing about the child. The partner roles are those the shipped procedures use; the first one assigned
/// in the referral (or the one it continues) is alerted. When none is assigned the first candidate is addressed anyway,
/// so the undeliverable alert becomes an incident on the case that says which role needs an organisation.
/// </summary>
public static class MissingChildAlert
{
    /// <summary>The guardian is a task role of the sending side in child-return; a procedure may name a "guardian"
    /// partner, else the child-protection authority stands for the child's guardianship.</summary>
    public static readonly IReadOnlyList<string> GuardianRoles = ["guardian", "child-protection"];

    /// <summary>The police of the corridor: investigating police where the child was found, the border police, then the
    /// police of the country of origin.</summary>
    public static readonly IReadOnlyList<string> PoliceRoles = ["investigating-police", "border-police", "origin-police", "police"];

    public static async Task<IReadOnlyList<string>> QueueAsync(ReferralFlowDb db, Guid referralId, DateTimeOffset at, string actor,
        string kind, CancellationToken ct)
    {
        List<string> recipients = [Recipients.Coordinator, await FirstAssignedAsync(db, referralId, GuardianRoles, ct),
            await FirstAssignedAsync(db, referralId, PoliceRoles, ct)];
        StaffAlert.Queue(db, referralId, StaffAlert.MissingChild, recipients, at, actor, $"child reported {kind}");
        return recipients;
    }

    private static async Task<string> FirstAssignedAsync(ReferralFlowDb db, Guid referralId, IReadOnlyList<string> roles, CancellationToken ct)
    {
        foreach (var role in roles)
            if (await PartnerAssignments.OrganisationForAsync(db, referralId, role, ct) is { Active: true })
                return role;
        return roles[0];
    }
}
