namespace ReferralFlow.Core.HandOffs;

/// <summary>A request to a partner organisation (receiving shelter, consulate ...) that the procedure waits on.</summary>
public sealed class HandOff
{
    public required Guid Id { get; init; }
    public required Guid ReferralId { get; init; }
    public required Guid TokenId { get; init; }
    public required string StepId { get; init; }

    /// <summary>The partner's role in the referral, resolved to a contact when the request is sent.</summary>
    public required string Partner { get; init; }

    /// <summary>What is asked (accept-referral, document-request ...); selects the message template.</summary>
    public required string Request { get; init; }
    public required string Title { get; init; }
    public required IReadOnlyList<string> Outcomes { get; init; }
    public HandOffStatus Status { get; private set; } = HandOffStatus.Requested;
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? DueAt { get; init; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public string? Outcome { get; private set; }
    public string? Channel { get; private set; }
    public string? AnsweredBy { get; private set; }

    /// <summary>Finer progress beside the FHIR status (<see cref="HandOffSubStatuses"/>); kept after closing as the
    /// last progress known.</summary>
    public string? SubStatus { get; private set; }

    /// <summary>The organisation the request was forwarded to (Forwarding/), when it is not the one playing
    /// <see cref="Partner"/>; null while the role's organisation is asked.</summary>
    public Guid? AddressedOrganisationId { get; private set; }

    /// <summary>An address outside the directory that a partner named and the sending caseworker confirmed: the
    /// partner's contact, never the person's.</summary>
    public string? AddressedEmail { get; private set; }

    public bool IsOpen => HandOffStatusCodes.IsOpen(Status);

    /// <summary>The request goes to another recipient (a reassigned role, a forward): nobody there has seen it yet, so it
    /// is "requested" again. Only an open request that nobody answered moves; null <paramref name="organisationId"/>
    /// means the role's organisation.</summary>
    public void Redirect(Guid? organisationId, string? email)
    {
        EnsureOpen("redirect");
        if (AnsweredAt is not null)
            throw new InvalidOperationException($"Cannot redirect hand-off '{Title}' (step '{StepId}'): it was answered at {AnsweredAt:u}.");
        if (email is not null && organisationId is null)
            throw new ArgumentException("A confirmed address belongs to a directory organisation, whose consent the gate checks.", nameof(email));
        AddressedOrganisationId = organisationId;
        AddressedEmail = email;
        Status = HandOffStatus.Requested;
        SubStatus = null;
    }

    /// <param name="status">The FHIR status the answer puts the hand-off in, e.g. Completed or Rejected.</param>
    public void Answer(string outcome, HandOffStatus status, DateTimeOffset at, string channel, string? by)
    {
        EnsureOpen("answer");
        if (!Outcomes.Contains(outcome, StringComparer.Ordinal))
            throw new InvalidOperationException(
                $"Hand-off '{Title}' (step '{StepId}') has no outcome '{outcome}'; allowed: {Quoted(Outcomes)}.");
        if (status is HandOffStatus.Requested or HandOffStatus.Cancelled or HandOffStatus.Failed)
            throw new ArgumentOutOfRangeException(nameof(status), status,
                "A partner's answer cannot set the hand-off to requested, cancelled or failed.");
        if (!HandOffChannels.All.Contains(channel, StringComparer.Ordinal))
            throw new ArgumentOutOfRangeException(nameof(channel), channel,
                $"Unknown answer channel; allowed: {Quoted(HandOffChannels.All)}.");

        Status = status;
        Outcome = outcome;
        AnsweredAt = at;
        Channel = channel;
        AnsweredBy = by;
    }

    /// <summary>The partner has seen the request. Only a request still "requested" moves: an answer must never be
    /// undone by a late look at the link. The time and who opened it go into the history entry and the
    /// <see cref="HandOffEvent"/> written with it.</summary>
    public void MarkReceived()
    {
        if (Status != HandOffStatus.Requested)
            throw new InvalidOperationException(
                $"Cannot mark hand-off '{Title}' (step '{StepId}') received: it is already {HandOffStatusCodes.ToCode(Status)}.");
        Status = HandOffStatus.Received;
    }

    /// <summary>Progress reported by the partner or seen by staff. A sub-status that means the work has started
    /// moves a requested, received or accepted hand-off to FHIR "in-progress"; nothing here closes it: only the
    /// answer (through the procedure) does.</summary>
    public void Progress(string subStatus)
    {
        EnsureOpen("record progress on");
        if (!HandOffSubStatuses.All.Contains(subStatus, StringComparer.Ordinal))
            throw new ArgumentOutOfRangeException(nameof(subStatus), subStatus,
                $"Unknown sub-status; allowed: {Quoted(HandOffSubStatuses.All)}.");
        SubStatus = subStatus;
        if (HandOffSubStatuses.MeansStarted(subStatus)) Status = HandOffStatus.InProgress;
    }

    public void Cancel(DateTimeOffset at)
    {
        EnsureOpen("cancel");
        Status = HandOffStatus.Cancelled;
        AnsweredAt = at;
    }

    /// <summary>The partner did not answer in time; the outcome comes from the step's escalation ladder.</summary>
    public void Expire(string outcome, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outcome);
        EnsureOpen("expire");
        Status = HandOffStatus.Failed;
        Outcome = outcome;
        AnsweredAt = at;
    }

    private void EnsureOpen(string action)
    {
        if (!IsOpen)
            throw new InvalidOperationException(
                $"Cannot {action} hand-off '{Title}' (step '{StepId}'): it is already {HandOffStatusCodes.ToCode(Status)}.");
    }

    private static string Quoted(IEnumerable<string> values) => string.Join(", ", values.Select(v => $"'{v}'"));
}
