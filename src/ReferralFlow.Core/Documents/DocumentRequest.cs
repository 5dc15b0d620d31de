namespace ReferralFlow.Core.Documents;

/// <summary>
/// One document being reissued for the person (passport, ID card, certificate …) by one authority. Guards its own
/// status changes (<see cref="DocumentStatusCodes"/>) and its due date, which moves only with a reason: authorities
/// are slow and change what they want (F10, F11), and the record must show why a date slipped. The document number
/// is personal data and is kept only encrypted.
/// </summary>
public sealed class DocumentRequest
{
    public required Guid Id { get; init; }
    public required Guid ReferralId { get; init; }

    /// <summary>One of <see cref="DocumentKinds.All"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>The issuing authority from the partner directory, when it is listed there …</summary>
    public Guid? AuthorityOrganisationId { get; init; }

    /// <summary>… or its kind and country (<see cref="DocumentCodes.Authority"/>; a civil registry rarely is listed).
    /// A code, never free text: it is stored in clear.</summary>
    public string? AuthorityName { get; init; }

    public DocumentStatus Status { get; private set; } = DocumentStatus.Requested;

    /// <summary>The document number, encrypted with the personal data protector; null until known.</summary>
    public string? NumberProtected { get; set; }

    public required DateTimeOffset RequestedAt { get; init; }
    public DateTimeOffset? DueAt { get; private set; }
    public required DateTimeOffset UpdatedAt { get; set; }

    public static DocumentRequest New(Guid referralId, string kind, Guid? authorityId, string? authorityName, DateTimeOffset? dueAt, DateTimeOffset at) =>
        new()
        {
            Id = Guid.CreateVersion7(at), ReferralId = referralId, Kind = kind, AuthorityOrganisationId = authorityId,
            AuthorityName = authorityName, RequestedAt = at, DueAt = dueAt, UpdatedAt = at,
        };

    public void ChangeStatus(DocumentStatus next, DateTimeOffset at)
    {
        if (!DocumentStatusCodes.NextFrom(Status).Contains(next))
        {
            var allowed = DocumentStatusCodes.NextFrom(Status);
            throw new ReferralFlowException(
                $"The {Kind} is {DocumentStatusCodes.ToCode(Status)} and cannot become {DocumentStatusCodes.ToCode(next)}; " +
                (allowed.Count == 0
                    ? (Status == DocumentStatus.Refused ? "a refusal is final: record a new document request to try again." : "it is collected, nothing follows.")
                    : $"from {DocumentStatusCodes.ToCode(Status)} it can become {string.Join(" or ", allowed.Select(DocumentStatusCodes.ToCode))}."));
        }
        Status = next;
        UpdatedAt = at;
    }

    public void ResetDue(DateTimeOffset dueAt, string reason, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new ReferralFlowException($"Give the reason the {Kind}'s due date moves (--reason): one of {string.Join(", ", DocumentCodes.DueReasons)}.");
        if (Status is DocumentStatus.Collected or DocumentStatus.Refused)
            throw new ReferralFlowException($"The {Kind} is {DocumentStatusCodes.ToCode(Status)}: its due date no longer matters.");
        DueAt = dueAt;
        UpdatedAt = at;
    }
}
