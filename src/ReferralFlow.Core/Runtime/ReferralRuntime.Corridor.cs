using ReferralFlow.Core.Corridor;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Core.Runtime;

public sealed partial class ReferralRuntime
{
    /// <summary>Changes a referral's corridor inside a unit of work the caller runs (<see cref="CorridorChange"/>).</summary>
    internal Task<CorridorChanged> ChangeCorridorInAsync(UnitOfWork work, Guid referralId, CorridorChangeInput input, CancellationToken ct) =>
        InUnitAsync(work, unit => unit.ChangeCorridorAsync(referralId, input, ct), ct);
}
