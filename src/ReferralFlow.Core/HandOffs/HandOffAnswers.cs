namespace ReferralFlow.Core.HandOffs;

/// <summary>The FHIR Task status an answer puts a hand-off in: a refusal is "rejected", an acceptance
/// "accepted", anything else the partner reports means the asked-for work is done.</summary>
public static class HandOffAnswers
{
    private static readonly HashSet<string> Refusals = ["declined", "rejected", "refused", "not-possible"];

    public static HandOffStatus StatusFor(string outcome) =>
        Refusals.Contains(outcome) ? HandOffStatus.Rejected
        : outcome == "accepted" ? HandOffStatus.Accepted
        : HandOffStatus.Completed;
}
