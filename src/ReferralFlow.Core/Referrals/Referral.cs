namespace ReferralFlow.Core.Referrals;

/// <summary>One running (or finished) instance of a published procedure for one person.</summary>
public sealed class Referral
{
    public required Guid Id { get; init; }
    public required string CaseCode { get; init; }

    /// <summary>Which procedure of the case this is: 1 for the referral that drew the code, then 2, 3 … for its
    /// sub-procedures and reopenings in the order they started (<see cref="CaseParts"/>).</summary>
    public int CasePart { get; init; } = 1;
    public required string WorkflowId { get; init; }
    public required int WorkflowVersion { get; init; }
    public ReferralStatus Status { get; private set; } = ReferralStatus.Active;
    public string? Outcome { get; private set; }

    /// <summary>The engine's serialized instance state (tokens, variables, bookmarks).</summary>
    public required string StateJson { get; set; }

    /// <summary>Where the case stands in practice; guarded by <see cref="MoveTo"/>.</summary>
    public ReferralStage Stage { get; private set; } = ReferralStage.Identification;

    /// <summary>The directory organisation that refers the person (usually the NGO in the destination country).</summary>
    public Guid? SendingOrganisationId { get; init; }

    /// <summary>The directory organisation that takes the person on; kept equal to the "receiving" partner role's
    /// assignment where the procedure has that role.</summary>
    public Guid? ReceivingOrganisationId { get; private set; }

    /// <summary>The trafficking corridor in the field's terms: the person's country of origin, the countries passed
    /// through, and the destination country where they were exploited (and where the sending NGO usually is).
    /// ISO 3166-1 alpha-2 codes, as the directory writes countries. A null origin is not known yet (until the person's
    /// country is identified); the corridor changes through <see cref="ChangeCorridor"/>.</summary>
    public string? OriginCountry { get => originCountry; init => originCountry = value; }
    public IReadOnlyList<string> TransitCountries { get => transitCountries; init => transitCountries = value; }
    public string? DestinationCountry { get => destinationCountry; init => destinationCountry = value; }
    private string? originCountry;
    private IReadOnlyList<string> transitCountries = [];
    private string? destinationCountry;

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

    public void HandTo(Guid receivingOrganisationId)
    {
        ReceivingOrganisationId = receivingOrganisationId;
        Touch();
    }

    /// <summary>A corridor learnt or corrected during the case (the origin identified, a transit country found out);
    /// the caller writes the history and audit lines (Corridor/CorridorChange).</summary>
    public void ChangeCorridor(string? origin, IReadOnlyList<string> transit, string? destination)
    {
        if (Status != ReferralStatus.Active)
            throw new ReferralFlowException($"Referral {CaseCode} is {Status.ToString().ToLowerInvariant()}: its corridor no longer changes.");
        (originCountry, transitCountries, destinationCountry) = (origin, [.. transit], destination);
        Touch();
    }

    /// <summary>Changes the stage if practice allows it from the current one (<see cref="ReferralStages"/>).</summary>
    public void MoveTo(ReferralStage target)
    {
        if (Status != ReferralStatus.Active)
            throw new ReferralFlowException($"Referral {CaseCode} is {Status.ToString().ToLowerInvariant()}: its stage no longer changes.");
        if (target == Stage)
            throw new ReferralFlowException($"Referral {CaseCode} is already at stage {ReferralStages.Name(Stage)}.");
        if (target == ReferralStage.Closed)
            throw new ReferralFlowException($"A referral reaches stage closed when its procedure ends or it is withdrawn " +
                $"('referralflow referrals withdraw {CaseCode}'), not by a stage change.");
        var allowed = ReferralStages.AllowedFrom(Stage);
        if (!allowed.Contains(target))
            throw new ReferralFlowException($"Referral {CaseCode} cannot go from stage {ReferralStages.Name(Stage)} to " +
                $"{ReferralStages.Name(target)}: from {ReferralStages.Name(Stage)} it can go to " +
                (allowed.Count == 0 ? "no other stage (it closes when its procedure ends)" : string.Join(" or ", allowed.Select(ReferralStages.Name))) + ".");
        Stage = target;
        Touch();
    }

    public void Close(string outcome, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outcome);
        EnsureActive("close");
        Status = ReferralStatus.Closed;
        Stage = ReferralStage.Closed;
        Outcome = outcome;
        ClosedAt = at;
    }

    public void Withdraw(DateTimeOffset at)
    {
        EnsureActive("withdraw");
        Status = ReferralStatus.Withdrawn;
        Stage = ReferralStage.Closed;
        ClosedAt = at;
    }

    /// <summary>Names why a referral was withdrawn when that is an outcome of its own ("left-programme",
    /// CaseEvents/); a plain withdrawal has none.</summary>
    public void NameWithdrawal(string outcome)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outcome);
        if (Status != ReferralStatus.Withdrawn || Outcome is not null)
            throw new InvalidOperationException($"Referral {CaseCode} is not a withdrawal without an outcome.");
        Outcome = outcome;
        Touch();
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
