using System.Text;
using System.Text.Json;

namespace ReferralFlow.Core.Partners;

/// <summary>Reads a JSON directory file into <see cref="DirectoryNode"/>s. JsonDocument forgets positions, so this
/// walks Utf8JsonReader and turns each token's byte offset into a line number. A syntax error stops the reading.</summary>
internal static class JsonDirectoryReader
{
    public static DirectoryNode? Read(string text, DirectoryProblems problems)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var lines = new LineIndex(bytes);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            if (!reader.Read())
            {
                problems.Error(1, "$", "the file is empty: write { \"organisations\": [ ... ] }");
                return null;
            }
            var root = ReadValue(ref reader, lines);
            if (reader.Read())
                throw new JsonException("extra content after the end of the document", null, lines.Of(reader.TokenStartIndex) - 1, null);
            return root;
        }
        catch (JsonException e)
        {
            problems.Error((int)(e.LineNumber ?? 0) + 1, "$", $"not valid JSON: {FirstSentence(e.Message)}; fix the syntax");
            return null;
        }
    }

    private static DirectoryNode ReadValue(ref Utf8JsonReader reader, LineIndex lines)
    {
        var line = lines.Of(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var entries = new List<MapEntry>();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var key = reader.GetString()!;
                    var keyLine = lines.Of(reader.TokenStartIndex);
                    reader.Read();
                    entries.Add(new MapEntry(key, keyLine, ReadValue(ref reader, lines)));
                }
                return new MapNode(line, entries);
            case JsonTokenType.StartArray:
                var items = new List<DirectoryNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    items.Add(ReadValue(ref reader, lines));
                return new ListNode(line, items);
            case JsonTokenType.String:
                return new ScalarNode(line, reader.GetString(), ScalarKind.Text);
            case JsonTokenType.Number:
                return new ScalarNode(line, Encoding.UTF8.GetString(reader.ValueSpan), ScalarKind.Plain);
            case JsonTokenType.True or JsonTokenType.False:
                return new ScalarNode(line, reader.GetBoolean() ? "true" : "false", ScalarKind.Boolean);
            default:
                return new ScalarNode(line, null, ScalarKind.Null);
        }
    }

    private static string FirstSentence(string message) =>
        message.Split(". ", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.');

    /// <summary>Byte offsets of line starts, for a 1-based line number per token.</summary>
    private sealed class LineIndex
    {
        private readonly List<long> starts = [0];

        public LineIndex(byte[] bytes)
        {
            for (var i = 0; i < bytes.Length; i++)
                if (bytes[i] == (byte)'\n') starts.Add(i + 1);
        }

        public int Of(long offset)
        {
            var index = starts.BinarySearch(offset);
            return (index >= 0 ? index : ~index - 1) + 1;
        }
    }
}
