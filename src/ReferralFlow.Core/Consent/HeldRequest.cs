namespace ReferralFlow.Core.Consent;

/// <summary>
/// A partnerRequest's message kept back by the consent gate: the hand-off exists and the step waits on it, but
/// nothing goes to the partner until a consent for <see cref="Purpose"/> covers the organisation. The caseworker's
/// "consent needed" task (<see cref="TaskId"/>) says so; recording a matching consent releases the message.
/// </summary>
public sealed class HeldRequest
{
    public required Guid Id { get; init; }
    public required Guid ReferralId { get; init; }
    public required Guid HandOffId { get; init; }
    public required string StepId { get; init; }

    /// <summary>The partner role the message is addressed to, as the outbox names it.</summary>
    public required string Recipient { get; init; }

    /// <summary>The request name the message is rendered from.</summary>
    public required string Template { get; init; }

    /// <summary>The organisation playing the partner role when the request was held.</summary>
    public required Guid OrganisationId { get; init; }
    public required string Purpose { get; init; }

    /// <summary>The step's <see cref="Engine.Definitions.ConsentNeeds"/>, kept so a consent recorded later is checked
    /// against what the request needed when it was held.</summary>
    public IReadOnlyList<string> ConsentNeeds { get; init; } = [];
    public required Guid TaskId { get; init; }
    public required DateTimeOffset HeldAt { get; init; }
    public HeldRequestStatus Status { get; private set; } = HeldRequestStatus.Held;
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>The consent that released it.</summary>
    public Guid? ConsentId { get; private set; }

    public void Release(Guid consentId, DateTimeOffset at) => Close(HeldRequestStatus.Released, at, consentId);

    /// <summary>The hand-off closed while held (answered by phone, timed out, the referral withdrawn).</summary>
    public void Drop(DateTimeOffset at) => Close(HeldRequestStatus.Dropped, at, null);

    private void Close(HeldRequestStatus status, DateTimeOffset at, Guid? consentId)
    {
        if (Status != HeldRequestStatus.Held)
            throw new InvalidOperationException($"Held request {Id} (step '{StepId}') is already {Status.ToString().ToLowerInvariant()}.");
        Status = status;
        ClosedAt = at;
        ConsentId = consentId;
    }
}

public enum HeldRequestStatus
{
    Held,
    Released,
    Dropped,
}
