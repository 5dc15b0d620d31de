namespace ReferralFlow.Core.Export;

/// <summary>Why a record leaves the system. A closed list: a free-text purpose would invite a name into the audit trail.</summary>
public static class ExportPurposes
{
    /// <summary>The person asks for their own data (GDPR Art. 15).</summary>
    public const string AccessRequest = "access-request";

    /// <summary>Hand-over of the case to another organisation under the referral's consent.</summary>
    public const string Transfer = "transfer";

    /// <summary>A court or prosecutor orders the record.</summary>
    public const string LegalOrder = "legal-order";

    public static readonly IReadOnlyList<string> All = [AccessRequest, Transfer, LegalOrder];
}
