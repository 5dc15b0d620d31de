using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ReferralFlow.Cli.Output;

/// <summary>Where a command writes: human text or, with --json, one JSON document (camelCase) on stdout;
/// failures always as one line on stderr.</summary>
internal sealed class CliOutput(TextWriter stdout, TextWriter stderr, bool json)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Output for people and scripts, never embedded in HTML: keep quotes and '≥' readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public TextWriter Out => stdout;
    public TextWriter Error => stderr;
    public bool Json => json;

    public static CliOutput For(ParseResult parse) => new(
        parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, GlobalOptions.Read(parse).Json);

    public void WriteJson<T>(T value) => stdout.WriteLine(JsonSerializer.Serialize(value, JsonOptions));

    /// <summary>A value as the JSON output writes it, for a command that adds to it before writing.</summary>
    public static JsonObject ToJsonObject<T>(T value) => JsonSerializer.SerializeToNode(value, JsonOptions)!.AsObject();

    /// <summary>One compact JSON object per line, for commands that keep running (worker).</summary>
    public void WriteJsonLine<T>(T value) =>
        stdout.WriteLine(JsonSerializer.Serialize(value, new JsonSerializerOptions(JsonOptions) { WriteIndented = false }));

    public void Line(string text = "") => stdout.WriteLine(text);

    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, string indent = "") =>
        TextTable.Write(stdout, headers, rows, indent);
}
