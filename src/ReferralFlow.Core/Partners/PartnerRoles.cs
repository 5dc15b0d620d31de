using ReferralFlow.Core.Definitions;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Engine.Definitions;

namespace ReferralFlow.Core.Partners;

/// <summary>The partner roles a procedure addresses: the <c>partner</c> of its partnerRequest steps and the
/// <c>to</c> of its notify steps, with those of its subworkflows (a child referral resolves its roles through the
/// parent's assignments, so they are assigned on the parent).</summary>
public static class PartnerRoles
{
    public static async Task<IReadOnlyList<string>> OfAsync(
        ReferralFlowDb db, WorkflowLibrary library, string workflowId, int version, CancellationToken ct = default)
    {
        var roles = new SortedSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await CollectAsync(await library.GetAsync(db, workflowId, version, ct));
        return [.. roles];

        async Task CollectAsync(WorkflowDefinition definition)
        {
            if (!seen.Add(definition.Id)) return;
            foreach (var step in definition.Steps)
            {
                switch (step)
                {
                    case PartnerRequestStep request:
                        roles.Add(request.Partner);
                        break;
                    case NotifyStep notify:
                        roles.Add(notify.To);
                        break;
                    case SubworkflowStep sub:
                        // The child starts on the latest version, as the runtime does.
                        await CollectAsync(await library.LatestAsync(db, sub.Workflow, ct));
                        break;
                }
            }
        }
    }
}
