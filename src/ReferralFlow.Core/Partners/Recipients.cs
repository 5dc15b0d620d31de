namespace ReferralFlow.Core.Partners;

/// <summary>Recipient names of outbox messages that are not partner roles (the engine's escalation targets).
/// "coordinator" and "focal-point" are the sending side's staff roles, resolved by <see cref="StaffContacts"/>.</summary>
public static class Recipients
{
    public const string Backup = "backup";
    public const string Coordinator = "coordinator";
    public const string FocalPoint = "focal-point";

    /// <summary>The escalation rung that suggests other partners: a message to the coordinator, who decides.</summary>
    public const string Alternatives = "alternatives";
}
