namespace ReferralFlow.Core.Travel;

/// <summary>The cost items practice funds separately (phase 8, REQ-75): the ticket, the escort's travel, a night's
/// stay, the interpreter, the daily allowance.</summary>
public static class CostItems
{
    public static readonly IReadOnlyList<string> All = ["flight", "train", "bus", "escort", "accommodation", "interpreter", "daily-allowance", "other"];
}

/// <summary>Who pays (phase 8: IOM under REAG, a state fund such as OFII or the Georgian ATF, a partner NGO, the
/// person's own funds), or nobody yet: <see cref="Unfunded"/> is the recurring failure F43 and alerts the coordinator.</summary>
public static class Funders
{
    public const string Unfunded = "unfunded";

    public static readonly IReadOnlyList<string> All = ["iom", "own-funds", "state-fund", "partner", Unfunded];
}

/// <summary>
/// One cost of the journey and who pays it. An unfunded cost raises one escalation to the coordinator
/// (<see cref="EscalatedAt"/> records it, so it is raised once per cost however often the cost is recorded again);
/// finding a funder later is a change of <see cref="Funder"/>, kept in the history.
/// </summary>
public sealed class TravelCost
{
    public required Guid Id { get; init; }
    public required Guid ReferralId { get; init; }

    /// <summary>One of <see cref="CostItems.All"/>.</summary>
    public required string Item { get; init; }

    public decimal? Amount { get; init; }

    /// <summary>ISO 4217, with <see cref="Amount"/>.</summary>
    public string? Currency { get; init; }

    /// <summary>One of <see cref="Funders.All"/>.</summary>
    public required string Funder { get; set; }

    /// <summary>The paying organisation from the directory (the IOM office, the partner NGO), when named.</summary>
    public Guid? FunderOrganisationId { get; set; }

    public required DateTimeOffset RecordedAt { get; init; }
    public required string RecordedBy { get; init; }
    public required DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? EscalatedAt { get; private set; }

    public bool IsUnfunded => Funder == Funders.Unfunded;

    /// <summary>True the first time an unfunded cost is seen: the caller then queues the escalation.</summary>
    public bool NeedsEscalation(DateTimeOffset at)
    {
        if (!IsUnfunded || EscalatedAt is not null) return false;
        EscalatedAt = at;
        return true;
    }
}
