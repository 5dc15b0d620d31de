namespace ReferralFlow.Core.Escort;

public static class TravelModes
{
    public const string Air = "air";

    public static readonly IReadOnlyList<string> All = [Air, "rail", "road", "sea"];
}

/// <summary>
/// One leg of the journey and who escorts it (REQ-50): shelter → consulate, check-in → aircraft, border → shelter.
/// Places are points such as "Milan Malpensa" or "Kelebija border crossing" — never the shelter's address (F49). The
/// escort's contact (a phone number, a name) is personal data: stored only encrypted.
/// </summary>
public sealed class EscortLeg
{
    public required Guid Id { get; init; }
    public required Guid ReferralId { get; init; }
    public required string From { get; init; }
    public required string To { get; init; }

    /// <summary>One of <see cref="TravelModes.All"/>.</summary>
    public required string Mode { get; init; }
    public required DateTimeOffset DepartsAt { get; init; }

    /// <summary>The escorting organisation from the directory …</summary>
    public Guid? EscortOrganisationId { get; init; }

    /// <summary>… or as written ("IOM airport team").</summary>
    public string? EscortName { get; init; }
    public string? EscortContactProtected { get; init; }
    public required DateTimeOffset PlannedAt { get; init; }
    public required string PlannedBy { get; init; }
}
