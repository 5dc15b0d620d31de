namespace ReferralFlow.Core.Access;

/// <summary>A deployment-wide setting an administrator changes on the settings page (for example lifting the
/// two-factor requirement for a demo). Changes are audited.</summary>
public sealed class NetworkSetting
{
    public required string Name { get; init; }
    public required string Value { get; set; }
    public required DateTimeOffset ChangedAt { get; set; }
    public required string ChangedBy { get; set; }
}
