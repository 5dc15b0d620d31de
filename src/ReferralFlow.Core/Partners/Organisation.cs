namespace ReferralFlow.Core.Partners;

/// <summary>A partner organisation in the directory: an NGO, a consulate, a police unit, an IOM office ...
/// Written by the directory import only; <see cref="Key"/> is the stable id of the directory file, so a
/// re-import updates the same row.</summary>
public sealed class Organisation
{
    public required Guid Id { get; init; }
    public required string Key { get; init; }
    public required string Name { get; set; }

    /// <summary>One of <see cref="OrganisationKinds"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>ISO 3166-1 alpha-2, where the office is (a consulate: the host country, not the state it serves).</summary>
    public required string Country { get; set; }
    public IReadOnlyList<string> Regions { get; set; } = [];

    /// <summary>The cities it serves, for a search by place finer than the region.</summary>
    public IReadOnlyList<string> Cities { get; set; } = [];
    public IReadOnlyList<string> Languages { get; set; } = [];

    /// <summary>Of <see cref="PartnerServices"/>.</summary>
    public IReadOnlyList<string> Services { get; set; } = [];

    /// <summary>Inactive organisations stay listed (partners leave and re-join) but are never addressed or
    /// suggested (networks-and-principles R-DIR-05).</summary>
    public bool Active { get; set; } = true;

    /// <summary>When someone last confirmed the entry with the organisation: contact lists go stale with turnover.</summary>
    public DateOnly? LastVerifiedOn { get; set; }

    public bool Offers(string service) => Services.Contains(service, StringComparer.Ordinal);
}
