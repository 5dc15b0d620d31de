using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ReferralFlow.Engine.Definitions;
using ReferralFlow.Engine.Execution;

namespace ReferralFlow.Engine.Simulation;

/// <summary>A script's problems, each with where it is and what to fix.</summary>
public sealed class SimulationScriptException(IReadOnlyList<string> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems => problems;
}

/// <summary>
/// How one step is answered. No <see cref="Outcome"/>: the expected outcome; no <see cref="After"/>: on time;
/// <see cref="Never"/>: nobody answers, so the step's timers fire.
/// </summary>
public sealed record ScriptedAnswer(string? Outcome, WorkflowDuration? After, bool Never, IReadOnlyDictionary<string, JsonNode?> Data, string Path);

/// <summary>What a rehearsal assumes: when it starts, the input, how far to look, and how steps are answered.</summary>
public sealed record SimulationScript
{
    public static readonly WorkflowDuration DefaultHorizon = WorkflowDuration.Parse("P3Y");

    /// <summary>The file the script came from, named in its problems.</summary>
    public string Source { get; init; } = "script";

    public DateTimeOffset? Start { get; init; }
    public IReadOnlyDictionary<string, JsonNode?> Input { get; init; } = new Dictionary<string, JsonNode?>();
    public WorkflowDuration Horizon { get; init; } = DefaultHorizon;

    /// <summary>By "stepId" or "workflowId/stepId": the answers, used in order, the last one repeating.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ScriptedAnswer>> Steps { get; init; } =
        new Dictionary<string, IReadOnlyList<ScriptedAnswer>>();

    public static SimulationScript Parse(string json, string file = "script")
    {
        var problems = new List<string>();
        void Problem(string path, string message) => problems.Add($"{file}: at {path}: {message}");
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject
                ?? throw new SimulationScriptException([$"{file}: the script must be one JSON object {{ \"steps\": {{ ... }} }}"]);
        }
        catch (JsonException e)
        {
            throw new SimulationScriptException([$"{file}: not valid JSON at line {(e.LineNumber ?? 0) + 1}: fix the syntax there"]);
        }
        foreach (var (name, _) in root.Where(p => p.Key is not ("start" or "input" or "horizon" or "steps")))
            Problem($"$.{name}", $"unknown field '{name}': use start, input, horizon and steps");

        DateTimeOffset? start = null;
        if (root["start"] is { } startNode)
        {
            if (Text(startNode) is { } s && s.Contains('T') && VariableValues.TryParseDate(s, out var at)) start = at;
            else Problem("$.start", "'start' must be a date-time such as \"2027-01-04T09:00:00Z\"");
        }
        var horizon = DefaultHorizon;
        if (root["horizon"] is { } horizonNode)
        {
            if (Duration(horizonNode, "$.horizon", Problem) is { } d)
            {
                if (d.Negative || d.IsZero) Problem("$.horizon", $"the horizon '{d}' must be a positive duration, e.g. \"P3Y\"");
                else horizon = d;
            }
        }
        var input = new Dictionary<string, JsonNode?>();
        if (root["input"] is JsonObject inputObject)
            foreach (var (name, value) in inputObject) input[name] = value?.DeepClone();
        else if (root.ContainsKey("input"))
            Problem("$.input", "'input' must be an object of input variables, e.g. { \"person.isChild\": false }");

        var steps = new Dictionary<string, IReadOnlyList<ScriptedAnswer>>();
        if (root["steps"] is JsonObject stepsObject)
        {
            foreach (var (key, value) in stepsObject)
            {
                var path = $"$.steps['{key}']";
                steps[key] = value is JsonArray list
                    ? [.. list.Select((item, i) => Answer(item, $"{path}[{i}]", Problem))]
                    : [Answer(value, path, Problem)];
                if (value is JsonArray { Count: 0 }) Problem(path, "the list of answers is empty: give at least one");
            }
        }
        else if (root.ContainsKey("steps"))
            Problem("$.steps", "'steps' must be an object by step id, e.g. { \"intake\": { \"outcome\": \"identified\" } }");

        if (problems.Count > 0) throw new SimulationScriptException(problems);
        return new SimulationScript { Source = file, Start = start, Input = input, Horizon = horizon, Steps = steps };
    }

    private static ScriptedAnswer Answer(JsonNode? node, string path, Action<string, string> problem)
    {
        var data = new Dictionary<string, JsonNode?>();
        if (node is not JsonObject answer)
        {
            problem(path, "an answer must be an object such as { \"outcome\": \"accepted\", \"after\": \"P2D\" } or { \"never\": true }");
            return new ScriptedAnswer(null, null, false, data, path);
        }
        foreach (var (name, _) in answer.Where(p => p.Key is not ("outcome" or "after" or "never" or "data")))
            problem($"{path}.{name}", $"unknown field '{name}': an answer has outcome, after, data or never");
        var outcome = answer["outcome"] is { } o ? Text(o) : null;
        if (answer.ContainsKey("outcome") && outcome is null) problem($"{path}.outcome", "'outcome' must be a string such as \"accepted\"");
        WorkflowDuration? after = null;
        if (answer["after"] is { } a)
        {
            after = Duration(a, $"{path}.after", problem);
            if (after is { Negative: true })
            {
                problem($"{path}.after", $"'after' counts from when the step opens and cannot be negative: write '{after.Text.TrimStart('-')}'");
                after = null;
            }
        }
        var never = false;
        if (answer["never"] is { } n)
        {
            if (n.GetValueKind() is JsonValueKind.True or JsonValueKind.False) never = n.GetValue<bool>();
            else problem($"{path}.never", "'never' must be true or false");
        }
        if (never && (outcome is not null || after is not null || answer.ContainsKey("data")))
            problem(path, "an answer with \"never\": true has no outcome, after or data: remove them or remove 'never'");
        if (answer["data"] is JsonObject dataObject)
            foreach (var (name, value) in dataObject) data[name] = value?.DeepClone();
        else if (answer.ContainsKey("data"))
            problem($"{path}.data", "'data' must be an object of variables the step sets, e.g. { \"risk.level\": \"high\" }");
        return new ScriptedAnswer(outcome, after, never, data, path);
    }

    private static WorkflowDuration? Duration(JsonNode node, string path, Action<string, string> problem)
    {
        var text = Text(node);
        if (text is not null && WorkflowDuration.TryParse(text, out var duration)) return duration;
        problem(path, WorkflowDuration.Hint(text ?? node.ToJsonString()));
        return null;
    }

    private static string? Text(JsonNode node) =>
        node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : null;

    internal static string Iso(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
