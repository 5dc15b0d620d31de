namespace ReferralFlow.Core.HandOffs;

/// <summary>The FHIR Task status an answer that closes a request puts the hand-off in: a refusal is
/// "rejected"; any other answer (including "accepted" to an accept-referral request) completes what was asked.</summary>
public static class HandOffAnswers
{
    private static readonly HashSet<string> Refusals = ["declined", "rejected", "refused", "not-possible"];

    public static HandOffStatus StatusFor(string outcome) =>
        Refusals.Contains(outcome) ? HandOffStatus.Rejected : HandOffStatus.Completed;
}
