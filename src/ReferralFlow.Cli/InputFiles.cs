using System.Text.Json.Nodes;
using ReferralFlow.Core;
using ReferralFlow.Engine.Execution;

namespace ReferralFlow.Cli;

/// <summary>Reads the JSON files given with --input and --data, and the ids given as arguments, before
/// anything is changed.</summary>
internal static class InputFiles
{
    public static async Task<IReadOnlyDictionary<string, JsonNode?>> ReadObjectAsync(string? path, string option, CancellationToken ct)
    {
        if (path is null) return new Dictionary<string, JsonNode?>();
        return VariableValuesOf(path, await ReadTextAsync(path, option, ct));
    }

    public static async Task<string> ReadTextAsync(string path, string option, CancellationToken ct)
    {
        if (!File.Exists(path))
            throw new ReferralFlowException($"The {option} file '{path}' does not exist; check the path.");
        return await File.ReadAllTextAsync(path, ct);
    }

    public static Guid Id(string text, string what, string listCommand) =>
        Guid.TryParse(text.Trim(), out var id) ? id
            : throw new ReferralFlowException($"'{text}' is not a {what} id (a GUID); list them with '{listCommand}'.");

    private static IReadOnlyDictionary<string, JsonNode?> VariableValuesOf(string path, string json)
    {
        try
        {
            return VariableValues.ParseObject(json);
        }
        catch (WorkflowInputException e)
        {
            throw new ReferralFlowException($"{path}: {e.Message}");
        }
    }
}
