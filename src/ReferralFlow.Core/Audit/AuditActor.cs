namespace ReferralFlow.Core.Audit;

/// <summary>Who acts and from where, as the audit trail records it.</summary>
public sealed record AuditActor(string Name, string Source)
{
    public static AuditActor Cli(string name) => new(name, "cli");

    public static readonly AuditActor Worker = new("worker", "worker");
}
