using ReferralFlow.Core.Referrals;

namespace ReferralFlow.Core.Corridor;

/// <summary>A referral's corridor as country codes; a null origin or destination is not known yet. Written
/// "RO → HU → DE", with "?" for what is not known.</summary>
public sealed record CorridorRoute(string? Origin, IReadOnlyList<string> Transit, string? Destination)
{
    public static CorridorRoute Of(Referral referral) =>
        new(referral.OriginCountry, [.. referral.TransitCountries], referral.DestinationCountry);

    public bool Equals(CorridorRoute? other) =>
        other is not null && Origin == other.Origin && Destination == other.Destination && Transit.SequenceEqual(other.Transit);

    public override int GetHashCode() => HashCode.Combine(Origin, Destination, string.Join(",", Transit));

    public override string ToString() => string.Join(" → ", new[] { Origin ?? "?" }.Concat(Transit).Append(Destination ?? "?"));
}
