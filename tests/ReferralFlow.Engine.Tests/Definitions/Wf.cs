using System.Text.Json.Nodes;
using ReferralFlow.Engine.Definitions;

namespace ReferralFlow.Engine.Tests.Definitions;

/// <summary>
/// A tiny builder over a minimal valid procedure: tests change one thing and assert the one problem it causes.
/// Base steps: [0] intake (task: identified, withdrawn), [1] closed (end), [2] withdrawn-end (end).
/// </summary>
internal static class Wf
{
    public const string File = "workflows/sample.json";

    public static JsonObject Minimal() => JsonNode.Parse("""
        {
          "id": "sample",
          "version": 1,
          "title": "Sample",
          "start": "intake",
          "variables": {
            "risk.level": { "type": "string", "values": ["low", "high"], "default": "low" },
            "arrival.at": { "type": "date" },
            "reports": { "type": "number", "default": 0 },
            "person.isChild": { "type": "boolean", "input": true, "default": false }
          },
          "steps": [
            { "id": "intake", "type": "task", "role": "caseworker", "outcomes": ["identified", "withdrawn"], "due": "P10D" },
            { "id": "closed", "type": "end", "outcome": "returned" },
            { "id": "withdrawn-end", "type": "end", "outcome": "withdrawn" }
          ],
          "transitions": [
            { "from": "intake", "outcome": "identified", "to": "closed" },
            { "from": "intake", "outcome": "withdrawn", "to": "withdrawn-end" }
          ]
        }
        """)!.AsObject();

    public static JsonArray Steps(this JsonObject doc) => doc["steps"]!.AsArray();

    public static JsonArray Transitions(this JsonObject doc) => doc["transitions"]!.AsArray();

    public static JsonObject Step(this JsonObject doc, string id) =>
        doc.Steps().Select(s => s!.AsObject()).Single(s => (string?)s["id"] == id);

    public static JsonObject Intake(this JsonObject doc) => doc.Step("intake");

    /// <summary>Appends steps (JSON objects) and returns the document.</summary>
    public static JsonObject AddSteps(this JsonObject doc, params string[] steps)
    {
        foreach (var step in steps) doc.Steps().Add(JsonNode.Parse(step));
        return doc;
    }

    public static JsonObject AddTransition(this JsonObject doc, string from, string outcome, string to)
    {
        doc.Transitions().Add(new JsonObject { ["from"] = from, ["outcome"] = outcome, ["to"] = to });
        return doc;
    }

    /// <summary>Points the existing transition for (from, outcome) somewhere else.</summary>
    public static JsonObject Route(this JsonObject doc, string from, string outcome, string to)
    {
        var transition = doc.Transitions().Select(t => t!.AsObject())
            .Single(t => (string?)t["from"] == from && (string?)t["outcome"] == outcome);
        transition["to"] = to;
        return doc;
    }

    /// <summary>Inserts a step between intake (identified) and closed: intake → step → closed via <paramref name="outcomes"/>.</summary>
    public static JsonObject Insert(this JsonObject doc, string step, params string[] outcomes)
    {
        var id = (string)JsonNode.Parse(step)!["id"]!;
        doc.AddSteps(step).Route("intake", "identified", id);
        foreach (var outcome in outcomes) doc.AddTransition(id, outcome, "closed");
        return doc;
    }

    /// <summary>Adds a step reached from intake through a new outcome "other", without touching the main path.</summary>
    public static JsonObject Attach(this JsonObject doc, string step)
    {
        var id = (string)JsonNode.Parse(step)!["id"]!;
        doc.Intake()["outcomes"]!.AsArray().Add("other");
        return doc.AddSteps(step).AddTransition("intake", "other", id);
    }

    public static DefinitionLoadResult Load(this JsonObject doc, string file = File) =>
        DefinitionLoader.Load(doc.ToJsonString(), file);

    public static string Describe(this DefinitionLoadResult result) =>
        result.Problems.Count == 0 ? "(no problems)" : string.Join("\n", result.Problems);

    /// <summary>The only problem of the result; fails listing all of them otherwise.</summary>
    public static DefinitionProblem Single(this DefinitionLoadResult result)
    {
        Assert.True(result.Problems.Count == 1, $"expected exactly one problem, got {result.Problems.Count}:\n{result.Describe()}");
        Assert.Null(result.Definition);
        Assert.False(result.IsValid);
        return result.Problems[0];
    }

    /// <summary>Asserts where the problem is and that its message mentions every fragment (case-insensitive).</summary>
    public static DefinitionProblem Is(this DefinitionProblem problem, string? stepId, string path, params string[] fragments)
    {
        Assert.Equal(File, problem.File);
        Assert.Equal(stepId, problem.StepId);
        Assert.Equal(path, problem.JsonPath);
        foreach (var fragment in fragments)
            Assert.True(problem.Message.Contains(fragment, StringComparison.OrdinalIgnoreCase),
                $"message lacks \"{fragment}\": {problem.Message}");
        return problem;
    }

    public static DefinitionProblem SingleIs(this DefinitionLoadResult result, string? stepId, string path, params string[] fragments) =>
        result.Single().Is(stepId, path, fragments);

    public static void Valid(this DefinitionLoadResult result) =>
        Assert.True(result.IsValid, $"expected a valid definition:\n{result.Describe()}");
}
