namespace ReferralFlow.Core.Partners;

/// <summary>"Did you mean" for misspelt fields, kinds, services and ids: the closest candidate near enough to be a typo.</summary>
internal static class Suggestions
{
    public static string? Closest(string text, IEnumerable<string> candidates) => Engine.Typos.Closest(text, candidates);

    /// <summary>"; did you mean 'x'?" or, failing that, the allowed values.</summary>
    public static string Hint(string text, IReadOnlyCollection<string> candidates) =>
        Closest(text, candidates) is { } close ? $"; did you mean '{close}'?" : $"; use one of: {string.Join(", ", candidates)}";
}
