namespace ReferralFlow.Core.Partners;

/// <summary>The formal basis of the relationship with a partner (REQ-05): most cooperation is informal, and
/// what exists should be reviewed on time (R-AGR-04).</summary>
public sealed class Agreement
{
    public const string Mou = "mou";
    public const string Protocol = "protocol";
    public const string Informal = "informal";

    public static readonly IReadOnlyList<string> Kinds = [Mou, Protocol, Informal];

    public required Guid Id { get; init; }
    public required Guid OrganisationId { get; set; }
    public required string Key { get; init; }

    /// <summary>One of <see cref="Kinds"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>What it covers, e.g. "referral of victims and reintegration monitoring".</summary>
    public required string Scope { get; set; }
    public DateOnly? ReviewOn { get; set; }
    public int Position { get; set; }
}
