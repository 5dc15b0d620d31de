using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Engine.Execution;

namespace ReferralFlow.Core.Consent;

/// <summary>
/// Whether the person of a referral is a child, for the consent rules. For now read from the procedure: the child
/// procedure (or a referral started from one) or a <c>person.isChild</c> variable set to true. One place, so that it
/// can read the person record's birth date once the referral has one.
/// </summary>
public static class ChildStatus
{
    public const string ChildWorkflow = "child-return";
    public const string ChildVariable = "person.isChild";

    public static async Task<bool> IsChildAsync(ReferralFlowDb db, Guid referralId, CancellationToken ct = default)
    {
        foreach (var id in await ReferralChain.OfAsync(db, referralId, ct))
        {
            // Tracked first: the engine's unit of work holds the newest state, and a child referral it just started.
            var (workflowId, stateJson) = db.Referrals.Local.FirstOrDefault(r => r.Id == id) is { } tracked
                ? (tracked.WorkflowId, tracked.StateJson)
                : await db.Referrals.AsNoTracking().Where(r => r.Id == id)
                    .Select(r => new ValueTuple<string, string>(r.WorkflowId, r.StateJson)).SingleAsync(ct);
            if (workflowId == ChildWorkflow || SaysChild(stateJson)) return true;
        }
        return false;
    }

    private static bool SaysChild(string stateJson) =>
        InstanceState.Deserialize(stateJson).Variables.GetValueOrDefault(ChildVariable) is JsonValue value
        && value.TryGetValue<bool>(out var child) && child;
}
