namespace ReferralFlow.Core.Outbox;

public static class OutboxKinds
{
    public const string Request = "request";
    public const string Reminder = "reminder";
    public const string Escalation = "escalation";
    public const string Notice = "notice";
}
