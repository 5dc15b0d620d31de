namespace ReferralFlow.Core.Documents;

/// <summary>The documents practice reissues for a return (referral-practice.md phase 7, REQ-43): identity and travel
/// papers from the consulate, certificates from the civil registry or the police, permits from the aliens department.</summary>
public static class DocumentKinds
{
    public static readonly IReadOnlyList<string> All =
    [
        "passport", "temporary-passport", "travel-document", "id-card", "birth-certificate", "police-certificate",
        "residence-permit", "other",
    ];
}
