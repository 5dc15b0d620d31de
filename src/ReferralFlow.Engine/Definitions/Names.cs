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
    public static string? Closest(string text, IEnumerable<string> candidates) => Typos.Closest(text, candidates);

    /// <summary>"; did you mean 'x'?" or empty.</summary>
    public static string DidYouMean(string text, IEnumerable<string> candidates) =>
        Closest(text, candidates) is { } c ? $"; did you mean '{c}'?" : "";

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_-]*(\.[A-Za-z][A-Za-z0-9_-]*)*$")]
    private static partial Regex VariablePattern();

    [GeneratedRegex(@"^[A-Za-z_$][A-Za-z0-9_]*$")]
    private static partial Regex PlainField();
}
