using System.Text.Json;
using System.Text.RegularExpressions;

namespace ReferralFlow.Engine.Execution;

/// <summary>
/// Text that no database column can hold faithfully: a NUL character (PostgreSQL text refuses it) and half of a UTF-16
/// surrogate pair (not a character at all; JSON can spell one as "\ud800"). Checked where text enters — request bodies,
/// form fields, query strings and JSON files — so that it is refused with a sentence instead of failing deep inside a
/// save. The sentences name where the text is and what is wrong with it, never the text.
/// </summary>
public static partial class StorableText
{
    public const string NulCharacter = "holds a NUL character (U+0000)";
    public const string LoneSurrogate = "holds half of a UTF-16 surrogate pair, which is not a character";
    public const string NotUnicode = "holds half of a UTF-16 surrogate pair or bytes that are not UTF-8, which are not characters";

    /// <summary>What is wrong with <paramref name="text"/>, or null when it can be stored.</summary>
    public static string? Problem(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0') return NulCharacter;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(c)) return LoneSurrogate;
        }
        return null;
    }

    /// <summary>The JSON path of the first string (value or property name) that cannot be stored, and why; null when
    /// every string can, or when the JSON does not parse (its reader reports that).</summary>
    public static (string Path, string Problem)? FindInJson(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, Options);
            return Find(document.RootElement, "$");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <inheritdoc cref="FindInJson(string)"/>
    public static (string Path, string Problem)? FindInJson(ReadOnlyMemory<byte> utf8)
    {
        using var document = JsonDocument.Parse(utf8, Options);
        return Find(document.RootElement, "$");
    }

    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    private static (string Path, string Problem)? Find(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (Read(() => property.Name, out var name) is { } badName) return (path, $"has a property name that {badName}");
                    if (Find(property.Value, Child(path, name)) is { } found) return found;
                }
                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                    if (Find(item, $"{path}[{index++}]") is { } found) return found;
                return null;
            case JsonValueKind.String:
                return Read(() => element.GetString()!, out _) is { } problem ? (path, problem) : null;
            default:
                return null;
        }
    }

    /// <summary>JSON's reader refuses to decode an unpaired surrogate escape (or bytes that are not UTF-8).</summary>
    private static string? Read(Func<string> read, out string text)
    {
        try
        {
            text = read();
            return Problem(text);
        }
        catch (InvalidOperationException)
        {
            text = "";
            return NotUnicode;
        }
    }

    // A property name is the caller's text too: only a plain one appears in the path.
    private static string Child(string path, string name) =>
        !PlainName().IsMatch(name) ? $"{path}[…]" : name.Contains('.') ? $"{path}['{name}']" : $"{path}.{name}";

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex PlainName();
}
