using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Core.Partners;

/// <summary>
/// Queries on the directory: listing, finding a partner for a step that names no assigned one, and alternatives
/// to a partner that does not answer. Country and kind are filtered in SQL; services in memory, because they are a
/// JSON list in a text column and the directory is small (hundreds of organisations, not millions).
/// </summary>
public static class PartnerDirectory
{
    /// <summary>Organisations by country, service and kind, and by place: <paramref name="region"/> and
    /// <paramref name="city"/> match a listed region or city whatever the letter case ("cluj-napoca" finds
    /// "Cluj-Napoca"); an organisation serving a whole country lists <c>national</c> as its region and matches any region.</summary>
    public static async Task<IReadOnlyList<Organisation>> ListAsync(
        ReferralFlowDb db, string? country = null, string? service = null, string? kind = null, CancellationToken ct = default,
        string? region = null, string? city = null)
    {
        var query = db.Organisations.AsNoTracking();
        if (country is not null) query = query.Where(o => o.Country == country.ToUpperInvariant());
        if (kind is not null) query = query.Where(o => o.Kind == kind);
        var found = await query.ToListAsync(ct);
        return [.. found.Where(o => service is null || o.Offers(service))
            .Where(o => region is null || Serves(o.Regions, region) || Serves(o.Regions, National))
            .Where(o => city is null || Serves(o.Cities, city))
            .OrderBy(o => o.Country, StringComparer.Ordinal).ThenBy(o => o.Name, StringComparer.Ordinal)];
    }

    /// <summary>
    /// An active organisation of that country and kind offering the service that has a contact authorised to accept
    /// referrals (one that could not be addressed is no answer), or null. With a <paramref name="city"/> or
    /// <paramref name="region"/>, only organisations serving that place qualify, the nearest first: one listing the city,
    /// then one listing the region, then a national one (region <c>national</c> serves every place of its country).
    /// Among equals the most recently verified wins, then the id: deterministic, and biased to entries someone has confirmed.
    /// </summary>
    public static async Task<Organisation?> FindAsync(
        ReferralFlowDb db, string country, string service, string kind, CancellationToken ct = default,
        string? region = null, string? city = null)
    {
        var candidates = await db.Organisations.AsNoTracking()
            .Where(o => o.Active && o.Country == country.ToUpperInvariant() && o.Kind == kind)
            .Where(o => db.Contacts.Any(c => c.OrganisationId == o.Id && c.AuthorisedToAccept))
            .ToListAsync(ct);
        return candidates.Where(o => o.Offers(service))
            .Select(o => (Organisation: o, Distance: Distance(o, region, city)))
            .Where(x => x.Distance is not null)
            .OrderBy(x => x.Distance)
            .ThenByDescending(x => x.Organisation.LastVerifiedOn ?? DateOnly.MinValue).ThenBy(x => x.Organisation.Key, StringComparer.Ordinal)
            .Select(x => x.Organisation)
            .FirstOrDefault();
    }

    /// <summary>How near an organisation serves the place asked: 0 the city (or anywhere, when no place is asked), 1 the
    /// region, 2 the whole country; null when it does not serve it.</summary>
    private static int? Distance(Organisation organisation, string? region, string? city)
    {
        if (region is null && city is null) return 0;
        if (city is not null && Serves(organisation.Cities, city)) return 0;
        if (region is not null && Serves(organisation.Regions, region)) return 1;
        return Serves(organisation.Regions, National) ? 2 : null;
    }

    /// <summary>
    /// Active organisations of the same country and kind as the given one that offer at least one of its services,
    /// excluding it; those sharing the most services first. "At least one" rather than "all": a partner with a
    /// narrower offer can still take the request, and the coordinator reading the suggestion decides.
    /// </summary>
    public static async Task<IReadOnlyList<Organisation>> AlternativesAsync(ReferralFlowDb db, Guid organisationId, CancellationToken ct = default)
    {
        var given = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId, ct);
        if (given is null) return [];
        var candidates = await db.Organisations.AsNoTracking()
            .Where(o => o.Active && o.Id != given.Id && o.Country == given.Country && o.Kind == given.Kind)
            .ToListAsync(ct);
        return [.. candidates
            .Select(o => (Organisation: o, Shared: o.Services.Intersect(given.Services, StringComparer.Ordinal).Count()))
            .Where(x => x.Shared > 0)
            .OrderByDescending(x => x.Shared).ThenBy(x => x.Organisation.Name, StringComparer.Ordinal)
            .Select(x => x.Organisation)];
    }

    /// <summary>The region word of an organisation that serves its whole country.</summary>
    public const string National = "national";

    private static bool Serves(IReadOnlyList<string> places, string place) =>
        places.Contains(place.Trim(), StringComparer.OrdinalIgnoreCase);

    /// <summary>The organisation someone means by its directory id (<c>ro-adpare</c>) or its GUID, or null.</summary>
    public static async Task<Organisation?> LookUpAsync(ReferralFlowDb db, string reference, CancellationToken ct = default)
    {
        var text = reference.Trim();
        return Guid.TryParse(text, out var id)
            ? await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct)
            : await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Key == text, ct);
    }

    /// <summary>As <see cref="LookUpAsync"/>, but an unknown reference is an error naming the closest directory id.</summary>
    public static async Task<Organisation> RequireAsync(ReferralFlowDb db, string reference, CancellationToken ct = default)
    {
        if (await LookUpAsync(db, reference, ct) is { } found) return found;
        var keys = await db.Organisations.Select(o => o.Key).ToListAsync(ct);
        throw new ReferralFlowException($"No organisation '{reference}' in the directory" +
            (Suggestions.Closest(reference.Trim(), keys) is { } close ? $"; did you mean '{close}'?" : "; list them with 'referralflow partners list'."));
    }

    /// <summary>The contact requests to this organisation go to: its first authorised contact in file order.</summary>
    public static Task<Contact?> AuthorisedContactAsync(ReferralFlowDb db, Guid organisationId, CancellationToken ct = default) =>
        db.Contacts.AsNoTracking()
            .Where(c => c.OrganisationId == organisationId && c.AuthorisedToAccept)
            .OrderBy(c => c.Position).ThenBy(c => c.Key)
            .FirstOrDefaultAsync(ct);
}
