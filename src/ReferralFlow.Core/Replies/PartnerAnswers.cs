using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Definitions;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Engine.Definitions;

namespace ReferralFlow.Core.Replies;

/// <summary>
/// The answers a partner may choose: the hand-off's outcomes less those its step's escalation ladder sets when the
/// partner stays silent ("timeout", "no-report"). The rule comes from the definition the referral runs on, not from
/// a list of names, so a procedure that calls its silence outcome something else is still right. The e-mail's links
/// (Mail/MessageComposer) follow the same rule.
/// </summary>
public static class PartnerAnswers
{
    public static async Task<IReadOnlyList<string>> ForAsync(ReferralFlowDb db, WorkflowLibrary library, HandOff handOff, CancellationToken ct)
    {
        var referral = await db.Referrals.AsNoTracking()
            .Where(r => r.Id == handOff.ReferralId)
            .Select(r => new { r.WorkflowId, r.WorkflowVersion })
            .SingleAsync(ct);
        var definition = await library.GetAsync(db, referral.WorkflowId, referral.WorkflowVersion, ct);
        return Choosable(definition, handOff);
    }

    public static IReadOnlyList<string> Choosable(WorkflowDefinition definition, HandOff handOff)
    {
        var step = definition.Steps.FirstOrDefault(s => s.Id == handOff.StepId) as PartnerRequestStep;
        var silence = step?.Deadline?.Escalate.Where(rung => rung.IsOutcome).Select(rung => rung.To).ToHashSet() ?? [];
        return [.. handOff.Outcomes.Where(outcome => !silence.Contains(outcome))];
    }
}
