using System.Linq.Expressions;
using ReferralFlow.Core.HandOffs;

namespace ReferralFlow.Core.Queries;

internal static class OpenHandOffs
{
    /// <summary><see cref="HandOffStatusCodes.IsOpen"/> in a form EF can translate to SQL.</summary>
    public static readonly Expression<Func<HandOff, bool>> Filter = h =>
        h.Status == HandOffStatus.Requested || h.Status == HandOffStatus.Received
        || h.Status == HandOffStatus.Accepted || h.Status == HandOffStatus.InProgress;
}
