namespace ReferralFlow.Core.Queries;

/// <summary>One referral as caseworkers see it: where it stands, what is open, what went wrong and what happened.</summary>
public sealed record ReferralDetails(
    Guid Id,
    string CaseCode,
    string Workflow,
    int Version,
    string Status,
    string? Outcome,
    DateTimeOffset StartedAt,
    DateTimeOffset? ClosedAt,
    Guid? Parent,
    IReadOnlyList<Guid> Children,
    IReadOnlyList<OpenStep> OpenSteps,
    IReadOnlyList<OpenIncident> Incidents,
    IReadOnlyList<HistoryLine> History,
    string Stage,
    ReferralParties Parties,
    IReadOnlyList<Referrals.LinkedReferral> Linked)
{
    /// <summary>The person's own events at case level, set by the caller that decided who may see them (the API; a
    /// partner gets <see cref="Access.PartnerView"/>'s part of them); null when not asked for.</summary>
    public CaseEvents.CaseState? Case { get; init; }
}

/// <summary>Who sends and who receives (directory key and name), and the corridor; no personal data.</summary>
public sealed record ReferralParties(
    OrganisationName? Sending,
    OrganisationName? Receiving,
    string? Origin,
    IReadOnlyList<string> Transit,
    string? Destination);

public sealed record OrganisationName(string Key, string Name);

/// <summary>A step the referral waits on. <see cref="Kind"/> is task, handoff, wait or subworkflow;
/// <see cref="Id"/> is what to act on (the task, hand-off or child referral), null for a wait.</summary>
public sealed record OpenStep(
    string Step,
    string Kind,
    Guid? Id,
    string Title,
    string? Assignee,
    DateTimeOffset? DueAt,
    IReadOnlyList<string> Outcomes);

public sealed record OpenIncident(string Step, string Message, DateTimeOffset RaisedAt, int Attempts);

/// <summary>One line of the audit trail; <see cref="Kind"/> is the engine's word (task-created, reminder, escalated ...).</summary>
public sealed record HistoryLine(DateTimeOffset At, string Kind, string? Step, string? Detail, string? Actor);

public sealed record ReferralSummary(
    Guid Id,
    string CaseCode,
    string Workflow,
    int Version,
    string Status,
    string? Outcome,
    DateTimeOffset StartedAt,
    DateTimeOffset? ClosedAt,
    int OpenIncidents);
