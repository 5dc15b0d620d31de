using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Protection;

namespace ReferralFlow.Core.Forms;

/// <summary>Facts other records need from the risk and needs assessment (workflows/forms/risk-assessment.json).</summary>
public static class RiskAssessments
{
    public const string FormId = "risk-assessment";
    public const string PregnancyWeeksField = "pregnancyWeeks";

    /// <summary>
    /// The weeks of pregnancy the latest risk assessment of the referral recorded, and when; null when there is no
    /// assessment or the latest one records no pregnancy. Decrypts health data but records no audit entry itself:
    /// the caller's action (e.g. planning the escort, which refuses air travel beyond an airline's limit) is audited
    /// in the same unit of work.
    /// </summary>
    public static async Task<(decimal Weeks, DateTimeOffset AssessedAt)?> LatestPregnancyWeeksAsync(
        ReferralFlowDb db, PersonalDataProtector protector, Guid referralId, CancellationToken ct = default)
    {
        var latest = await db.FormSubmissions.AsNoTracking()
            .Where(s => s.ReferralId == referralId && s.FormId == FormId)
            .OrderByDescending(s => s.SubmittedAt).ThenByDescending(s => s.Id)
            .Select(s => new { s.ProtectedJson, s.SubmittedAt })
            .FirstOrDefaultAsync(ct);
        if (latest is null) return null;
        var values = JsonNode.Parse(protector.Unprotect(latest.ProtectedJson))!.AsObject();
        return values[PregnancyWeeksField] is JsonValue weeks && weeks.GetValueKind() == JsonValueKind.Number
            ? (weeks.GetValue<decimal>(), latest.SubmittedAt)
            : null;
    }
}
