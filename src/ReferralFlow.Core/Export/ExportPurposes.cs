namespace ReferralFlow.Core.Export;

/// <summary>Why a record leaves the system. A closed list: a free-text purpose would invite a name into the audit trail.
/// Each purpose says which sections of the record it carries (issue 9 §5).</summary>
public static class ExportPurposes
{
    /// <summary>The person asks for their own data (GDPR Art. 15): the whole record, nothing may be left out.</summary>
    public const string AccessRequest = "access-request";

    /// <summary>Hand-over of the case to another organisation under the referral's consent: the case, the person and
    /// what was recorded about them; not the sending side's own work (tasks, other partners' hand-offs, history).
    /// Selected forms can be left out, to travel as separate documents.</summary>
    public const string Transfer = "transfer";

    /// <summary>A court or prosecutor orders the record: the whole record.</summary>
    public const string LegalOrder = "legal-order";

    public static readonly IReadOnlyList<string> All = [AccessRequest, Transfer, LegalOrder];

    private static readonly IReadOnlyList<string> TransferSections = ["case", "person", "consents", "forms", "records"];

    /// <summary>Whether the purpose carries the section named <paramref name="section"/>.</summary>
    public static bool Carries(string purpose, string section) => purpose != Transfer || TransferSections.Contains(section);

    /// <summary>Only a transfer may leave forms out: an access request and a legal order are owed the whole record.</summary>
    public static bool MayLeaveOutForms(string purpose) => purpose == Transfer;
}
