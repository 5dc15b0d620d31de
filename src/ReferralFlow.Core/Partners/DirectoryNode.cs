namespace ReferralFlow.Core.Partners;

/// <summary>A directory file as read, before its meaning is checked: maps, lists and scalars, each with the line it
/// starts on. YAML and JSON both read into it, so one binder reports every problem the same way for both.</summary>
internal abstract record DirectoryNode(int Line)
{
    public abstract string Describe { get; }
}

internal sealed record MapNode(int Line, IReadOnlyList<MapEntry> Entries) : DirectoryNode(Line)
{
    public override string Describe => "a map of fields";
}

internal sealed record MapEntry(string Key, int Line, DirectoryNode Value);

internal sealed record ListNode(int Line, IReadOnlyList<DirectoryNode> Items) : DirectoryNode(Line)
{
    public override string Describe => "a list";
}

/// <summary>Text is null for an empty or null value.</summary>
internal sealed record ScalarNode(int Line, string? Text, ScalarKind Kind) : DirectoryNode(Line)
{
    public override string Describe => Kind switch
    {
        ScalarKind.Null => "empty",
        ScalarKind.Boolean => $"the flag {Text}",
        ScalarKind.Text => $"the quoted text '{Text}'",
        _ => $"'{Text}'",
    };
}

internal enum ScalarKind
{
    /// <summary>Quoted text (YAML quotes, any JSON string).</summary>
    Text,

    /// <summary>Unquoted YAML text or a JSON number: a value for text fields, dates and codes alike.</summary>
    Plain,
    Boolean,
    Null,
}
