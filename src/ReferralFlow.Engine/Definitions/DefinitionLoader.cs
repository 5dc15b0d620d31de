using System.Text.Json;

namespace ReferralFlow.Engine.Definitions;

/// <summary>
/// Turns one procedure file into a <see cref="WorkflowDefinition"/>, or into the full list of its problems.
/// The JSON is walked by hand (not deserialized) so every problem carries its exact path.
/// </summary>
public static class DefinitionLoader
{
    private static readonly string[] RootFields =
        ["$schema", "id", "version", "title", "description", "start", "variables", "steps", "transitions"];

    public static DefinitionLoadResult Load(string json, string file) => LoadWithId(json, file).Result;

    public static DefinitionLoadResult LoadFile(string path) => LoadFileWithId(path).Result;

    /// <summary>Also returns the procedure id when readable, so the catalog can tell "broken" from "missing".</summary>
    internal static (DefinitionLoadResult Result, string? Id) LoadFileWithId(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return (new DefinitionLoadResult(null, [new DefinitionProblem(path, null, "$", $"cannot read the file: {e.Message}")]), null);
        }
        return LoadWithId(json, path);
    }

    internal static (DefinitionLoadResult Result, string? Id) LoadWithId(string? json, string file)
    {
        var problems = new Problems(file);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json ?? "");
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var position = (e.BytePositionInLine ?? 0) + 1;
            var reason = e.Message.Split(" LineNumber:")[0].Split(" Path:")[0].TrimEnd('.', ' ');
            problems.Add(null, "$", $"not valid JSON at line {line}, position {position}: {reason}; " +
                "fix the syntax there (a missing comma, quote or bracket is the usual cause)");
            return (new DefinitionLoadResult(null, problems.List), null);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problems.Add(null, "$", $"the file must hold one JSON object {{ \"id\": ..., \"steps\": [...] }}, " +
                    $"not {ObjectReader.KindName(root)}");
                return (new DefinitionLoadResult(null, problems.List), null);
            }
            var definition = Parse(new ObjectReader(problems, root, "$", null, "the procedure"), out var id);
            return (new DefinitionLoadResult(problems.Count == 0 ? definition : null, problems.List), id);
        }
    }

    private static WorkflowDefinition? Parse(ObjectReader r, out string? id)
    {
        var problems = r.Problems;
        r.CheckFields(RootFields);
        id = r.Id("id", true, "the procedure id, e.g. \"transnational-return\"");
        var version = Version(r);
        var title = r.String("title", true, "the title shown to caseworkers");
        var description = r.String("description", false, "free text");
        var start = r.String("start", true, "the id of the first step");
        var variables = VariableTable.Parse(r);
        var steps = Steps(r, variables);
        var byId = new Dictionary<string, ParsedStep>();
        foreach (var step in steps.Where(s => s.Id is not null))
            if (!byId.TryAdd(step.Id!, step))
                problems.Add(step.Id, step.Path + ".id", $"duplicate step id '{step.Id}' (first used at {byId[step.Id!].Path}): " +
                    "give each step its own id");
        var transitions = TransitionChecks.Parse(r);

        if (start is not null && !byId.ContainsKey(start))
            problems.Add(null, "$.start", $"start '{start}' is not a step: use the id of the first step{Names.DidYouMean(start, byId.Keys)}");
        TransitionChecks.Check(problems, byId, transitions ?? [], transitions is not null);
        var next = GraphChecks.Successors(byId, transitions ?? []);
        if (start is not null && byId.ContainsKey(start)) GraphChecks.Reachability(problems, byId, next, start);
        GraphChecks.Loops(problems, byId, next);
        ParallelChecks.Check(problems, byId, transitions ?? [], start);

        if (problems.Count > 0) return null;
        return new WorkflowDefinition
        {
            Id = id!, Version = version!.Value, Title = title!, Description = description, Start = start!,
            Variables = variables.Valid, Steps = [.. steps.Select(s => s.Step!)],
            Transitions = [.. transitions!.Select(t => new Transition(t.From, t.Outcome, t.To))],
        };
    }

    private static int? Version(ObjectReader r)
    {
        if (r.Value("version", true, JsonValueKind.Number, "an integer ≥ 1, e.g. 1") is not { } value) return null;
        if (value.TryGetInt32(out var version) && version >= 1) return version;
        r.Report("version", $"'version' must be an integer ≥ 1, not {value.GetRawText()}: start at 1 and raise it by one per published change");
        return null;
    }

    private static List<ParsedStep> Steps(ObjectReader r, VariableTable variables)
    {
        var result = new List<ParsedStep>();
        if (r.Value("steps", true, JsonValueKind.Array, "a list of steps") is not { } array) return result;
        if (array.GetArrayLength() == 0)
            r.Report("steps", "the procedure has no steps: add at least the start step and an end step");
        var index = 0;
        foreach (var element in array.EnumerateArray())
            if (StepParser.Parse(element, index++, r.Problems, variables) is { } step) result.Add(step);
        return result;
    }
}
