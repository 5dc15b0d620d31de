namespace ReferralFlow.Core.HandOffs;

/// <summary>How a partner's answer reached us: through the answer link, or recorded by staff after a call, visit or mail.</summary>
public static class HandOffChannels
{
    public const string Link = "link";
    public const string Phone = "phone";
    public const string InPerson = "in-person";
    public const string Email = "email";

    public static readonly IReadOnlyList<string> All = [Link, Phone, InPerson, Email];

    /// <summary>The channels staff record a partner's answer or news through: every one but the partner's own link.</summary>
    public static readonly IReadOnlyList<string> Staff = [Phone, InPerson, Email];
}
