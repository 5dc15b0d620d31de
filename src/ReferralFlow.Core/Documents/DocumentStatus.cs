namespace ReferralFlow.Core.Documents;

public enum DocumentStatus
{
    Requested,
    MoreInformationAsked,
    Issued,
    Collected,
    Refused,
}

/// <summary>
/// The status codes as typed and shown, and which change is allowed from where. An authority may ask for more
/// papers any number of times before it issues or refuses (the Serbian consulate case, F11); a document is collected
/// only once issued; a refusal is final for that request — a new request is recorded for a second attempt, so the
/// refusal stays on the record.
/// </summary>
public static class DocumentStatusCodes
{
    private static readonly Dictionary<DocumentStatus, string> Codes = new()
    {
        [DocumentStatus.Requested] = "requested",
        [DocumentStatus.MoreInformationAsked] = "more-information-asked",
        [DocumentStatus.Issued] = "issued",
        [DocumentStatus.Collected] = "collected",
        [DocumentStatus.Refused] = "refused",
    };

    private static readonly Dictionary<DocumentStatus, DocumentStatus[]> Allowed = new()
    {
        [DocumentStatus.Requested] = [DocumentStatus.MoreInformationAsked, DocumentStatus.Issued, DocumentStatus.Refused],
        [DocumentStatus.MoreInformationAsked] = [DocumentStatus.Requested, DocumentStatus.Issued, DocumentStatus.Refused],
        [DocumentStatus.Issued] = [DocumentStatus.Collected],
        [DocumentStatus.Collected] = [],
        [DocumentStatus.Refused] = [],
    };

    public static IReadOnlyList<string> All => [.. Codes.Values];

    public static string ToCode(DocumentStatus status) => Codes[status];

    public static DocumentStatus Parse(string code) =>
        Codes.FirstOrDefault(c => c.Value == code.Trim().ToLowerInvariant()) is { Value: not null } found ? found.Key
            : throw new ReferralFlowException($"Unknown document status '{code}'; use one of {string.Join(", ", Codes.Values)}.");

    public static IReadOnlyList<DocumentStatus> NextFrom(DocumentStatus status) => Allowed[status];
}
