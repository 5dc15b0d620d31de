namespace ReferralFlow.Core.Referrals;

/// <summary>One running (or finished) instance of a published procedure for one person.</summary>
public sealed class Referral
{
    public required Guid Id { get; init; }
    public required string CaseCode { get; init; }
    public required string WorkflowId { get; init; }
    public required int WorkflowVersion { get; init; }
    public ReferralStatus Status { get; private set; } = ReferralStatus.Active;
    public string? Outcome { get; private set; }

    /// <summary>The engine's serialized instance state (tokens, variables, bookmarks).</summary>
    public required string StateJson { get; set; }

    public Guid? ParentReferralId { get; init; }
    public Guid? ParentTokenId { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Optimistic concurrency token: every unit of work that changes the referral calls
    /// <see cref="Touch"/>, so a second writer holding the old revision fails instead of overwriting.</summary>
    public int Revision { get; private set; }

    /// <summary>Incidents raised and not yet resolved; lets lists flag stuck referrals without a join.</summary>
    public int OpenIncidents { get; private set; }

    public void Touch() => Revision++;

    public void Close(string outcome, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outcome);
        EnsureActive("close");
        Status = ReferralStatus.Closed;
        Outcome = outcome;
        ClosedAt = at;
    }

    public void Withdraw(DateTimeOffset at)
    {
        EnsureActive("withdraw");
        Status = ReferralStatus.Withdrawn;
        ClosedAt = at;
    }

    public void IncidentRaised() => OpenIncidents++;

    public void IncidentResolved()
    {
        if (OpenIncidents == 0)
            throw new InvalidOperationException($"Referral {CaseCode} has no open incident to resolve.");
        OpenIncidents--;
    }

    private void EnsureActive(string action)
    {
        if (Status != ReferralStatus.Active)
            throw new InvalidOperationException(
                $"Cannot {action} referral {CaseCode}: it is {Status.ToString().ToLowerInvariant()}" +
                $"{(ClosedAt is { } at ? $" since {at:u}" : "")}, only an active referral can be changed.");
    }
}
