using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Referrals;

namespace ReferralFlow.Core.Export;

/// <summary>The case: its code, procedure, status and the organisations involved, in HTCDS <c>cas_</c> terms.
/// The person is not named here; the person section carries that.</summary>
public sealed class CaseSection : IExportSection
{
    public string Name => "case";

    public async Task<JsonNode?> ReadAsync(ExportContext context, CancellationToken ct)
    {
        var db = context.Db;
        var referral = await db.Referrals.AsNoTracking().SingleAsync(r => r.Id == context.ReferralId, ct);
        var partners = await (
                from a in db.PartnerAssignments join o in db.Organisations on a.OrganisationId equals o.Id
                where a.ReferralId == context.ReferralId
                orderby a.Role
                select new { a.Role, a.AssignedAt, Organisation = o })
            .AsNoTracking().ToListAsync(ct);

        var referred = new JsonArray();
        foreach (var partner in partners)
        {
            var organisation = ExportFields.Organisation(partner.Organisation);
            organisation["role"] = partner.Role;
            organisation["assignedAt"] = ExportFields.Instant(partner.AssignedAt);
            referred.Add(organisation);
        }
        return new JsonObject
        {
            ["caseCode"] = referral.CaseCode,
            ["cas_Status"] = referral.Status == ReferralStatus.Active ? "Active" : "Closed",
            ["cas_OutgoingReferralDate"] = ExportFields.Date(referral.StartedAt),
            ["cas_ReasonForOutgoingReferral"] = "MigrationOrChangeOfLocation",
            ["cas_ReferredOrganisation"] = referred,
            ["cas_ReasonForCaseClosure"] = referral.Outcome,
            ["workflow"] = referral.WorkflowId,
            ["workflowVersion"] = referral.WorkflowVersion,
            ["status"] = referral.Status.ToString().ToLowerInvariant(),
            ["startedAt"] = ExportFields.Instant(referral.StartedAt),
            ["closedAt"] = ExportFields.Instant(referral.ClosedAt),
            ["parentReferralId"] = referral.ParentReferralId?.ToString(),
        };
    }
}
