using System.Text.RegularExpressions;

namespace ReferralFlow.Engine.Definitions;

/// <summary>Naming rules, JSON path building and "did you mean" suggestions shared by the parsers.</summary>
internal static partial class Names
{
    public const string IdRule = "lower-case letters, digits and '-', starting with a letter";

    public static bool IsId(string text) => IdPattern().IsMatch(text);

    public static bool IsVariableName(string text) => VariablePattern().IsMatch(text);

    public static string Field(string path, string name) =>
        PlainField().IsMatch(name) ? $"{path}.{name}" : $"{path}['{name.Replace("'", "\\'")}']";

    public static string Index(string path, int index) => $"{path}[{index}]";

    public static string List(IEnumerable<string> names) => string.Join(", ", names);

    public static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));

    /// <summary>The closest candidate when it is near enough to be a typo, else null.</summary>
    public static string? Closest(string text, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var d = Distance(text.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (d < bestDistance) (best, bestDistance) = (candidate, d);
        }
        var allowed = text.Length <= 3 ? 1 : text.Length <= 6 ? 2 : 3;
        return best is not null && bestDistance <= allowed ? best : null;
    }

    /// <summary>"; did you mean 'x'?" or empty.</summary>
    public static string DidYouMean(string text, IEnumerable<string> candidates) =>
        Closest(text, candidates) is { } c ? $"; did you mean '{c}'?" : "";

    // Optimal string alignment distance: a swapped pair of letters counts as one typo.
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        for (var j = 1; j <= b.Length; j++)
        {
            var cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
        }
        return d[a.Length, b.Length];
    }

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_-]*(\.[A-Za-z][A-Za-z0-9_-]*)*$")]
    private static partial Regex VariablePattern();

    [GeneratedRegex(@"^[A-Za-z_$][A-Za-z0-9_]*$")]
    private static partial Regex PlainField();
}
