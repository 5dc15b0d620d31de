namespace ReferralFlow.Core.HandOffs;

/// <summary>How a partner's answer reached us: through the answer link, or recorded by staff after a call, visit or mail.</summary>
public static class HandOffChannels
{
    public const string Link = "link";
    public const string Phone = "phone";
    public const string InPerson = "in-person";
    public const string Email = "email";

    public static readonly IReadOnlyList<string> All = [Link, Phone, InPerson, Email];
}
