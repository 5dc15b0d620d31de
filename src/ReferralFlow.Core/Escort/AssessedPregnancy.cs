using ReferralFlow.Core.Forms;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Protection;

namespace ReferralFlow.Core.Escort;

/// <summary>The pregnancy the latest risk and needs assessment recorded (its weeks field), whole weeks as assessed.
/// The escort plan's own audit entry covers this read: it happens only while a leg is being planned.</summary>
public sealed class AssessedPregnancy(PersonalDataProtector protector) : IPregnancyRecord
{
    public async Task<(int Weeks, DateTimeOffset AssessedAt)?> LatestAsync(ReferralFlowDb db, Guid referralId, CancellationToken ct) =>
        await RiskAssessments.LatestPregnancyWeeksAsync(db, protector, referralId, ct) is { } found
            ? ((int)decimal.Floor(found.Weeks), found.AssessedAt)
            : null;
}
