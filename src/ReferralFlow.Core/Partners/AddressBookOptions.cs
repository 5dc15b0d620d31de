namespace ReferralFlow.Core.Partners;

/// <summary>The people behind the recipients that are not partner roles: the sending coordinator (escalations,
/// alternative-partner suggestions) and the network focal point. Set from configuration by the host.</summary>
public sealed record AddressBookOptions
{
    public Addressee Coordinator { get; init; } =
        new(null, "coordinator@referralflow.example.org", "en", "ReferralFlow coordination");

    public Addressee FocalPoint { get; init; } =
        new(null, "focal-point@referralflow.example.org", "en", "ReferralFlow network focal point");
}

/// <summary>Recipient names of outbox messages that are not partner roles (the engine's escalation targets).</summary>
public static class Recipients
{
    public const string Backup = "backup";
    public const string Coordinator = "coordinator";
    public const string FocalPoint = "focal-point";

    /// <summary>The escalation rung that suggests other partners: a message to the coordinator, who decides.</summary>
    public const string Alternatives = "alternatives";
}
