namespace ReferralFlow.Core.Outbox;

public enum OutboxStatus
{
    Pending,
    Sent,
    /// <summary>Gave up after the last attempt; an incident tells the coordinator.</summary>
    Dead,

    /// <summary>Deliberately not e-mailed: what it was about closed or moved before it went out (answered, withdrawn,
    /// forwarded), or it reminds staff, who see it in their inbox. No incident, no retry; the reason is kept.</summary>
    NotNeeded,
}
