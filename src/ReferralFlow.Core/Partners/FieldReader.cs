using System.Globalization;

namespace ReferralFlow.Core.Partners;

/// <summary>Reads the fields of one map of a directory file, reporting every missing, mistyped or unknown field with
/// its line and path instead of throwing, so one pass finds all of a file's problems.</summary>
internal sealed class FieldReader(DirectoryProblems problems, MapNode map, string path, string what)
{
    public string Path => path;
    public int Line => map.Line;
    public DirectoryProblems Problems => problems;

    /// <summary>A reader for <paramref name="node"/>, or null (after reporting) when it is not a map.</summary>
    public static FieldReader? Open(DirectoryProblems problems, DirectoryNode node, string path, string what)
    {
        if (node is MapNode map) return new FieldReader(problems, map, path, what);
        problems.Error(node.Line, path, $"{what} must be a map of fields (name: value), not {node.Describe}");
        return null;
    }

    public string PathOf(string field) => $"{path}.{field}";

    public int LineOf(string field) => Find(field)?.Line ?? map.Line;

    public void Error(string field, string message) => problems.Error(LineOf(field), PathOf(field), message);

    public void CheckFields(IReadOnlyList<string> known)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in map.Entries)
        {
            if (!seen.Add(entry.Key))
                problems.Error(entry.Line, PathOf(entry.Key), $"'{entry.Key}' appears more than once on {what}: keep only one");
            else if (!known.Contains(entry.Key, StringComparer.Ordinal))
                problems.Error(entry.Line, PathOf(entry.Key), Suggestions.Closest(entry.Key, known) is { } close
                    ? $"unknown field '{entry.Key}' on {what}; did you mean '{close}'?"
                    : $"unknown field '{entry.Key}' on {what}: remove it, or use one of {string.Join(", ", known)}");
        }
    }

    public DirectoryNode? Node(string field, bool required, string hint)
    {
        var entry = Find(field);
        if (entry is null || entry.Value is ScalarNode { Kind: ScalarKind.Null })
        {
            if (required) problems.Error(entry?.Line ?? map.Line, PathOf(field), $"'{field}' is missing on {what}: add {hint}");
            return null;
        }
        return entry.Value;
    }

    public string? Text(string field, bool required, string hint)
    {
        switch (Node(field, required, hint))
        {
            case null:
                return null;
            case ScalarNode { Kind: ScalarKind.Text or ScalarKind.Plain, Text: { } text } when text.Trim().Length > 0:
                return text.Trim();
            case var other:
                Error(field, $"'{field}' on {what} must be {hint}, not {other.Describe}");
                return null;
        }
    }

    public bool? Flag(string field, bool required)
    {
        switch (Node(field, required, "true or false"))
        {
            case null:
                return null;
            case ScalarNode { Kind: ScalarKind.Boolean, Text: var text }:
                return text == "true";
            case var other:
                Error(field, $"'{field}' on {what} must be true or false (unquoted), not {other.Describe}");
                return null;
        }
    }

    public DateOnly? Date(string field)
    {
        var text = Text(field, false, "a date such as 2026-11-22");
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        Error(field, $"'{text}' is not a date: write it as YYYY-MM-DD, e.g. 2026-11-22");
        return null;
    }

    /// <summary>A list of words (codes, services, regions), each with its line and path for its own problems.</summary>
    public IReadOnlyList<(string Text, int Line, string Path)> Words(string field, bool required, string hint)
    {
        switch (Node(field, required, hint))
        {
            case null:
                return [];
            case ListNode list:
                var words = new List<(string, int, string)>();
                for (var i = 0; i < list.Items.Count; i++)
                {
                    if (list.Items[i] is ScalarNode { Kind: ScalarKind.Text or ScalarKind.Plain, Text: { } text } && text.Trim().Length > 0)
                        words.Add((text.Trim(), list.Items[i].Line, $"{PathOf(field)}[{i}]"));
                    else
                        problems.Error(list.Items[i].Line, $"{PathOf(field)}[{i}]", $"each item of '{field}' must be a word, not {list.Items[i].Describe}");
                }
                return words;
            case var other:
                Error(field, $"'{field}' on {what} must be a list such as {hint}, not {other.Describe}");
                return [];
        }
    }

    public ListNode? List(string field, bool required, string hint)
    {
        var node = Node(field, required, hint);
        if (node is null or ListNode) return node as ListNode;
        Error(field, $"'{field}' on {what} must be a list of {hint}, not {node.Describe}");
        return null;
    }

    private MapEntry? Find(string field) => map.Entries.FirstOrDefault(e => e.Key == field);
}
