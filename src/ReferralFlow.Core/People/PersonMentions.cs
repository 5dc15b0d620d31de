using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ReferralFlow.Core.People;

/// <summary>
/// Whether a value typed where only a place or a code belongs mentions the person (issue 9 §3): a part of their name or an
/// alias (a whole word, any case, accents ignored), their birth date in the usual numeric spellings, or one of their
/// document numbers (spaces and dashes ignored). Says what was found, never the value.
/// </summary>
public static partial class PersonMentions
{
    // Short words and name particles are too common in place names to refuse on their own ("Aeroport de Paris").
    private static readonly HashSet<string> Particles = ["van", "von", "der", "den", "del", "della", "dos", "das", "bin", "ben", "ibn", "abu", "mac"];

    /// <summary>"the person's name", "the person's birth date", "the person's document number", or null.</summary>
    public static string? Find(PersonalData person, IEnumerable<string> documentNumbers, string text)
    {
        var words = Words(text).ToHashSet(StringComparer.Ordinal);
        var names = new[] { person.FullName }.Concat(person.Aliases).Where(n => !string.IsNullOrWhiteSpace(n)).ToList();
        var flat = string.Join(" ", Words(text));
        if (names.Any(n => Words(n).Where(w => w.Length >= 3 && !Particles.Contains(w)).Any(words.Contains)
                || (Words(n).Count() > 1 && flat.Contains(string.Join(" ", Words(n)), StringComparison.Ordinal))))
            return "the person's name";
        if (person.BirthDate is { } born && Dates(text).Contains(born)) return "the person's birth date";
        var compact = Compact(text);
        if (new[] { person.DocumentNumber }.Concat(documentNumbers).OfType<string>().Select(Compact)
                .Any(number => number.Length >= 4 && compact.Contains(number, StringComparison.Ordinal)))
            return "the person's document number";
        return null;
    }

    /// <summary>The refusal, naming the field and what it holds of the person, never the value itself.</summary>
    public static string Refusal(string field, string found) =>
        $"{field} is refused: it contains {found}. Write only the place or code it asks for (an airport, station, border " +
        "crossing or city), never the person's name, birth date or document number; a place spelt like the person's name " +
        "can be written another way, such as the airport's code.";

    private static IEnumerable<string> Words(string text) =>
        WordPattern().Matches(Fold(text)).Select(m => m.Value);

    /// <summary>Lower case without accents, so "Ștefan" and "STEFAN" are the same word. The hosts run with invariant
    /// globalization, where string normalization does not decompose letters, hence the table of the Latin letters
    /// European names use; a combining mark typed separately is dropped.</summary>
    private static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            folded.Append(Accents.TryGetValue(c, out var plain) ? plain : c.ToString());
        }
        return folded.ToString();
    }

    private static readonly Dictionary<char, string> Accents = new[]
        {
            ("a", "àáâãäåāăą"), ("c", "çćĉċč"), ("d", "ďđ"), ("e", "èéêëēĕėęě"), ("g", "ĝğġģ"), ("h", "ĥħ"), ("i", "ìíîïĩīĭįı"),
            ("j", "ĵ"), ("k", "ķ"), ("l", "ĺļľŀł"), ("n", "ñńņňŉ"), ("o", "òóôõöøōŏő"), ("r", "ŕŗř"), ("s", "śŝşšș"), ("t", "ţťŧț"),
            ("u", "ùúûüũūŭůűų"), ("w", "ŵ"), ("y", "ýÿŷ"), ("z", "źżž"), ("ss", "ß"), ("ae", "æ"), ("oe", "œ"),
        }
        .SelectMany(group => group.Item2.Select(c => (c, group.Item1)))
        .ToDictionary(p => p.c, p => p.Item2);

    private static string Compact(string text) => new([.. text.ToUpperInvariant().Where(char.IsLetterOrDigit)]);

    /// <summary>Every date the text can be read as: 1999-03-04, 04.03.1999, 4/3/99, 03/04/1999, 19990304, 04031999 …</summary>
    private static HashSet<DateOnly> Dates(string text)
    {
        var dates = new HashSet<DateOnly>();
        foreach (Match m in SeparatedDate().Matches(text))
        {
            var (a, b, c) = (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value);
            Add(dates, a, b, c);
            Add(dates, c, b, a);
            Add(dates, c, a, b);
        }
        foreach (Match m in CompactDate().Matches(text))
        {
            var v = m.Value;
            Add(dates, v[..4], v[4..6], v[6..]);
            Add(dates, v[4..], v[2..4], v[..2]);
            Add(dates, v[4..], v[..2], v[2..4]);
        }
        return dates;
    }

    private static void Add(HashSet<DateOnly> dates, string year, string month, string day)
    {
        if (!int.TryParse(year, out var y) || !int.TryParse(month, out var mo) || !int.TryParse(day, out var d)) return;
        // A two-digit year could be either century: both count.
        int[] years = year.Length switch { 2 => [1900 + y, 2000 + y], 4 => [y], _ => [] };
        foreach (var full in years)
            if (full >= 1 && mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(full, mo)) dates.Add(new DateOnly(full, mo, d));
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"(?<!\d)(\d{1,4})\s*[./\-]\s*(\d{1,2})\s*[./\-]\s*(\d{1,4})(?!\d)")]
    private static partial Regex SeparatedDate();

    [GeneratedRegex(@"(?<!\d)\d{8}(?!\d)")]
    private static partial Regex CompactDate();
}
