namespace ReferralFlow.Core.History;

public static class HistoryKinds
{
    public const string ReferralStarted = "referral-started";
    public const string ReferralClosed = "referral-closed";
    public const string ReferralWithdrawn = "referral-withdrawn";
    public const string TaskCreated = "task-created";
    public const string TaskCompleted = "task-completed";
    public const string TaskCancelled = "task-cancelled";
    public const string TaskExpired = "task-expired";
    public const string HandOffRequested = "handoff-requested";
    public const string HandOffAnswered = "handoff-answered";
    public const string HandOffCancelled = "handoff-cancelled";
    public const string HandOffExpired = "handoff-expired";
    public const string Reminder = "reminder";
    public const string Escalated = "escalated";
    public const string IncidentRaised = "incident-raised";
    public const string IncidentResolved = "incident-resolved";
}
