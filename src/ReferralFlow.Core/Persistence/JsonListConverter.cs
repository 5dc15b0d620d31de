using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ReferralFlow.Core.Persistence;

/// <summary>A short list of strings (a step's outcomes) as a JSON array in a text column. Explicit, because EF's
/// own primitive collections become a text[] array on PostgreSQL but JSON on SQLite.</summary>
public sealed class JsonListConverter() : ValueConverter<IReadOnlyList<string>, string>(
    list => Serialize(list),
    json => Deserialize(json))
{
    public static readonly ValueComparer<IReadOnlyList<string>> Comparer = new(
        (a, b) => ReferenceEquals(a, b) || (a != null && b != null && a.SequenceEqual(b)),
        list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item.GetHashCode())),
        list => list.ToArray());

    private static string Serialize(IReadOnlyList<string> list) => JsonSerializer.Serialize(list);

    private static IReadOnlyList<string> Deserialize(string json) =>
        JsonSerializer.Deserialize<string[]>(json) ?? [];
}
