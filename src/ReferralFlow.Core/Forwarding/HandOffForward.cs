namespace ReferralFlow.Core.Forwarding;

/// <summary>
/// One link of a request's forwarding chain: a partner that could not help sent the request on, from its reply page,
/// to another organisation of the directory (<see cref="ForwardStatus.Forwarded"/> at once), or named an address
/// outside it, which waits for a caseworker of the sending organisation (<see cref="ForwardStatus.AwaitingConfirmation"/>),
/// who confirms or declines it. A caseworker who sends the request to an organisation on the referral page adds a
/// link too (<see cref="ForwardStatus.Forwarded"/>, decided by that caseworker).
/// Ids, codes and the partner's own contact address only; nothing about the person.
/// </summary>
public sealed class HandOffForward
{
    public required Guid Id { get; init; }
    public required Guid HandOffId { get; init; }
    public required Guid ReferralId { get; init; }

    /// <summary>The organisation that forwarded, and the contact whose link it used.</summary>
    public Guid? FromOrganisationId { get; init; }
    public Guid? FromContactId { get; init; }

    /// <summary>The directory organisation it went to: chosen by the partner, or named by the confirming caseworker.</summary>
    public Guid? ToOrganisationId { get; private set; }

    /// <summary>The address the partner typed, when it named one outside the directory.</summary>
    public string? ToEmail { get; init; }

    public ForwardStatus Status { get; private set; }
    public required DateTimeOffset ProposedAt { get; init; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecidedBy { get; private set; }

    public static HandOffForward ToDirectory(Guid id, Guid handOffId, Guid referralId, Guid? fromOrganisation, Guid? fromContact,
        Guid toOrganisation, DateTimeOffset at, string by = "link") => new()
    {
        Id = id, HandOffId = handOffId, ReferralId = referralId, FromOrganisationId = fromOrganisation, FromContactId = fromContact,
        ToOrganisationId = toOrganisation, Status = ForwardStatus.Forwarded, ProposedAt = at, DecidedAt = at, DecidedBy = by,
    };

    public static HandOffForward ToAddress(Guid id, Guid handOffId, Guid referralId, Guid? fromOrganisation, Guid? fromContact,
        string email, DateTimeOffset at) => new()
    {
        Id = id, HandOffId = handOffId, ReferralId = referralId, FromOrganisationId = fromOrganisation, FromContactId = fromContact,
        ToEmail = email, Status = ForwardStatus.AwaitingConfirmation, ProposedAt = at,
    };

    public void Confirm(Guid organisationId, DateTimeOffset at, string by) => Decide(ForwardStatus.Confirmed, organisationId, at, by);

    public void Decline(DateTimeOffset at, string by) => Decide(ForwardStatus.Declined, null, at, by);

    /// <summary>The request moved elsewhere (the role reassigned, another link of the chain) while the address waited:
    /// nobody decided on it, and it is no longer asked about.</summary>
    public void Supersede(DateTimeOffset at, string by) => Decide(ForwardStatus.Superseded, null, at, by);

    private void Decide(ForwardStatus status, Guid? organisationId, DateTimeOffset at, string by)
    {
        if (Status != ForwardStatus.AwaitingConfirmation)
            throw new ReferralFlowException($"This forward was already {ForwardStatuses.Name(Status)}; nothing was changed.");
        (Status, ToOrganisationId, DecidedAt, DecidedBy) = (status, organisationId, at, by);
    }
}

public enum ForwardStatus
{
    Forwarded,
    AwaitingConfirmation,
    Confirmed,
    Declined,
    Superseded,
}

public static class ForwardStatuses
{
    public static string Name(ForwardStatus status) => status switch
    {
        ForwardStatus.Forwarded => "forwarded",
        ForwardStatus.AwaitingConfirmation => "awaiting-confirmation",
        ForwardStatus.Confirmed => "confirmed",
        ForwardStatus.Declined => "declined",
        ForwardStatus.Superseded => "superseded",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown forward status."),
    };

    public static ForwardStatus Parse(string name) => name switch
    {
        "forwarded" => ForwardStatus.Forwarded,
        "awaiting-confirmation" => ForwardStatus.AwaitingConfirmation,
        "confirmed" => ForwardStatus.Confirmed,
        "declined" => ForwardStatus.Declined,
        "superseded" => ForwardStatus.Superseded,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown forward status."),
    };
}
