using ReferralFlow.Core.Partners;

namespace ReferralFlow.Core.Documents;

/// <summary>
/// The document fields that are stored in clear, in the record, its history and the audit trail, take codes from closed
/// lists instead of free text, so that no name typed there can land in clear: an authority outside the directory is a
/// kind with an optional ISO country ("civil-registry:NG"), and a due date moves for one of the listed reasons.
/// Messages name the option and the allowed codes, never the text typed.
/// </summary>
public static class DocumentCodes
{
    public static readonly IReadOnlyList<string> AuthorityKinds =
        ["consulate", "embassy", "civil-registry", "passport-office", "police", "court", "ministry", "municipality", "other-authority"];

    public static readonly IReadOnlyList<string> DueReasons =
        ["more-papers-requested", "authority-backlog", "appointment-moved", "fee-pending", "person-unavailable", "data-correction", "other"];

    /// <summary>"kind" or "kind:CC", in canonical case.</summary>
    public static string Authority(string text)
    {
        var parts = text.Trim().Split(':');
        var kind = parts[0].Trim().ToLowerInvariant();
        var country = parts.Length == 2 ? parts[1].Trim().ToUpperInvariant() : null;
        if (parts.Length > 2 || !AuthorityKinds.Contains(kind) || (country is not null && !CountryCodes.IsKnown(country)))
            throw new ReferralFlowException(
                "The issuing authority (--authority) is a directory key, or one of " + string.Join(", ", AuthorityKinds) +
                ", optionally with an ISO country code such as civil-registry:NG; a name outside the directory is not stored.");
        return country is null ? kind : $"{kind}:{country}";
    }

    public static string DueReason(string text)
    {
        var reason = text.Trim().ToLowerInvariant();
        return DueReasons.Contains(reason) ? reason
            : throw new ReferralFlowException($"Unknown reason (--reason); use one of {string.Join(", ", DueReasons)}.");
    }
}
