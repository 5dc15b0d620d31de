namespace ReferralFlow.Core.Monitoring;

/// <summary>
/// A monitoring report staff recorded (from a phone call, a visit, a report sent by post), with the same fields as the
/// reply page's monitoring-report form (Replies/ReplyForms), whose answers stay where the reply page stores them
/// (reply_answers): <see cref="MonitoringReports"/> reads both as one list. What the person received and any signs
/// of risk are personal, health-related data: stored only encrypted.
/// </summary>
public sealed class MonitoringReport
{
    public required Guid Id { get; init; }

    /// <summary>The monitoring referral the report belongs to.</summary>
    public required Guid ReferralId { get; init; }

    /// <summary>The monthly-report hand-off this report answered, when one was waiting.</summary>
    public Guid? HandOffId { get; init; }
    public required DateOnly ReportDate { get; init; }

    /// <summary>Who reported: an organisation or role ("ADPARE caseworker"), never the person.</summary>
    public required string ReportedBy { get; init; }

    /// <summary>One of the reply form's wellbeing values (well, some-concerns, serious-concerns).</summary>
    public required string Wellbeing { get; init; }
    public required string ServicesProtected { get; init; }
    public required bool RiskFlag { get; init; }
    public string? RiskDetailsProtected { get; init; }

    /// <summary>How the report reached staff (phone, in-person, email).</summary>
    public required string Channel { get; init; }
    public required DateTimeOffset RecordedAt { get; init; }
    public required string RecordedBy { get; init; }
}
