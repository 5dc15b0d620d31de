namespace ReferralFlow.Core.Outbox;

public enum OutboxStatus
{
    Pending,
    Sent,
    /// <summary>Gave up after the last attempt; an incident tells the coordinator.</summary>
    Dead,
}
