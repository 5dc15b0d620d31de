namespace ReferralFlow.Core.HandOffs;

/// <summary>The subset of FHIR Task.status a hand-off to a partner goes through.</summary>
public enum HandOffStatus
{
    Requested,
    Received,
    Accepted,
    Rejected,
    InProgress,
    Completed,
    Cancelled,
    Failed,
}

/// <summary>The FHIR codes ("in-progress") under which statuses are stored and exchanged.</summary>
public static class HandOffStatusCodes
{
    public static string ToCode(HandOffStatus status) => status switch
    {
        HandOffStatus.Requested => "requested",
        HandOffStatus.Received => "received",
        HandOffStatus.Accepted => "accepted",
        HandOffStatus.Rejected => "rejected",
        HandOffStatus.InProgress => "in-progress",
        HandOffStatus.Completed => "completed",
        HandOffStatus.Cancelled => "cancelled",
        HandOffStatus.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown hand-off status."),
    };

    public static HandOffStatus FromCode(string code) => code switch
    {
        "requested" => HandOffStatus.Requested,
        "received" => HandOffStatus.Received,
        "accepted" => HandOffStatus.Accepted,
        "rejected" => HandOffStatus.Rejected,
        "in-progress" => HandOffStatus.InProgress,
        "completed" => HandOffStatus.Completed,
        "cancelled" => HandOffStatus.Cancelled,
        "failed" => HandOffStatus.Failed,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown hand-off status code."),
    };

    /// <summary>While open, the partner can still answer and a deadline can still expire the hand-off.</summary>
    public static bool IsOpen(HandOffStatus status) =>
        status is HandOffStatus.Requested or HandOffStatus.Received or HandOffStatus.Accepted or HandOffStatus.InProgress;
}
