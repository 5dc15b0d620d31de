using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Core.Partners;

/// <summary>
/// A place where the network has nobody for a service (issue 9 §7): a directory query of a referral's step found no
/// active organisation of that kind offering it there. Recorded when it happens, for the coordinators who look for new
/// partners; the place, the service, the date and the case code only, never anything about the person.
/// </summary>
public sealed class PartnershipGap
{
    public required Guid Id { get; init; }
    public required DateTimeOffset RecordedAt { get; init; }
    public required Guid ReferralId { get; init; }
    public required string CaseCode { get; init; }
    public required string StepId { get; init; }

    /// <summary>ISO 3166-1 alpha-2: the place the query asked about.</summary>
    public required string Country { get; init; }

    /// <summary>The region and city the query asked about, as the procedure named them (administrative areas, never an
    /// address); null when it asked about the whole country.</summary>
    public string? Region { get; init; }
    public string? City { get; init; }
    public required string Service { get; init; }
    public required string Kind { get; init; }
}

public static class PartnershipGaps
{
    /// <summary>Newest first, optionally of one country or service.</summary>
    public static async Task<IReadOnlyList<PartnershipGap>> ListAsync(ReferralFlowDb db, string? country = null, string? service = null,
        CancellationToken ct = default)
    {
        var query = db.PartnershipGaps.AsNoTracking();
        if (country is not null) query = query.Where(g => g.Country == country.ToUpperInvariant());
        if (service is not null) query = query.Where(g => g.Service == service);
        return await query.OrderByDescending(g => g.RecordedAt).ThenBy(g => g.Id).ToListAsync(ct);
    }
}
