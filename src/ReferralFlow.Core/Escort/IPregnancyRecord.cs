using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Core.Escort;

/// <summary>
/// Where the escort plan learns of a pregnancy: the latest risk and needs assessment (issue 4 §3, special needs) gives
/// the weeks of pregnancy on the day it was assessed. A seam, because that assessment is recorded elsewhere; the
/// escort plan counts on from <c>AssessedAt</c> to the day of each leg.
/// </summary>
public interface IPregnancyRecord
{
    /// <summary>Weeks of pregnancy as assessed and when; null when no pregnancy is recorded.</summary>
    Task<(int Weeks, DateTimeOffset AssessedAt)?> LatestAsync(ReferralFlowDb db, Guid referralId, CancellationToken ct);
}

/// <summary>Until the risk assessment is wired in, no pregnancy is known and no leg is blocked for it.</summary>
public sealed class NoPregnancyRecord : IPregnancyRecord
{
    public Task<(int Weeks, DateTimeOffset AssessedAt)?> LatestAsync(ReferralFlowDb db, Guid referralId, CancellationToken ct) =>
        Task.FromResult<(int, DateTimeOffset)?>(null);
}
