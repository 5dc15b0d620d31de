using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.CaseRecords;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Engine.Execution;

namespace ReferralFlow.Core.Monitoring;

/// <summary>
/// A monitoring report that flags a re-trafficking risk alerts the coordinator and the network focal point AT ONCE
/// (F31, REQ-61), whichever way it arrives: through the reply link, recorded by staff with <c>monitoring report</c>,
/// or answered on the partner's behalf with <c>handoffs answer</c>. The procedure's own respond-to-risk task
/// (monitoring.json) is due in 12 hours and reaches the focal point only an hour after that; this alert does not wait.
/// </summary>
public static class ReTraffickingAlert
{
    /// <summary>The monitoring request and the answer that means "risk" (Replies/ReplyForms names them alike).</summary>
    public const string Request = "monitoring-report";
    public const string RiskOutcome = "risk-flagged";

    public static readonly IReadOnlyList<string> Recipients = [Partners.Recipients.Coordinator, Partners.Recipients.FocalPoint];

    public static void Raise(ReferralFlowDb db, Guid referralId, DateTimeOffset at, string actor, string how) =>
        StaffAlert.Queue(db, referralId, StaffAlert.ReTraffickingRisk, Recipients, at, actor, $"re-trafficking risk reported ({how})");

    /// <summary>Called for every answer to a hand-off, in the unit of work that records it (Runtime/RuntimeUnit), after
    /// the engine applied it: only an answer the hand-off really took counts (a stale one changed nothing).</summary>
    public static Task OnAnswerAsync(ReferralFlowDb db, AnswerHandOff answer, DateTimeOffset at, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (answer.Outcome != RiskOutcome) return Task.CompletedTask;
        var handOff = db.HandOffs.Local.FirstOrDefault(h => h.Id == answer.HandOffId);
        if (handOff is { Request: Request, Outcome: RiskOutcome } && db.Entry(handOff).State == EntityState.Modified)
            Raise(db, handOff.ReferralId, at, answer.Actor, $"answer to {handOff.StepId} by {answer.Channel}");
        return Task.CompletedTask;
    }
}
