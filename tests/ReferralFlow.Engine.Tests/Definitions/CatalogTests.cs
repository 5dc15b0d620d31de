using System.Text.Json.Nodes;
using ReferralFlow.Engine.Definitions;

namespace ReferralFlow.Engine.Tests.Definitions;

// Rule 13: subworkflow steps, alone and against the child procedure in the catalog.
public sealed class CatalogTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("referralflow-defs-").FullName;

    // The sample's intake task shows this form; tasks may only name forms that exist beside the procedures.
    public CatalogTests() => Write(Path.Combine("forms", "intake-form.json"),
        """{ "id": "intake-form", "title": "Intake", "fields": [{ "name": "notes", "label": "Notes", "type": "multiline" }] }""");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string json)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, json);
        return path;
    }

    private static string Edit(string json, Action<JsonObject> change)
    {
        var doc = JsonNode.Parse(json)!.AsObject();
        change(doc);
        return doc.ToJsonString();
    }

    /// <summary>Loads the sample parent (after <paramref name="change"/>) with the monitoring child; returns the one problem.</summary>
    private DefinitionProblem SingleCatalogProblem(Action<JsonObject> change)
    {
        var parent = Write("transnational-return.json", Edit(Samples.Return, change));
        Write("monitoring.json", Samples.Monitoring);
        var load = DefinitionCatalog.LoadDirectory(_dir);
        Assert.True(load.Problems.Count == 1, string.Join("\n", load.Problems));
        Assert.Equal(parent, load.Problems[0].File);
        return load.Problems[0];
    }

    private static JsonObject Monitor(JsonObject doc) => doc["steps"]![9]!.AsObject();

    [Fact]
    public void Reports_waiting_subworkflow_without_outcomes() =>
        Wf.Minimal().Attach("""{ "id": "child", "type": "subworkflow", "workflow": "monitoring" }""").Load()
            .SingleIs("child", "$.steps[3].outcomes", "missing required field 'outcomes' on subworkflow step");

    [Fact]
    public void Reports_outcomes_on_a_subworkflow_that_does_not_wait() =>
        Wf.Minimal().Insert("""
            { "id": "child", "type": "subworkflow", "workflow": "monitoring", "wait": false, "outcomes": ["completed"] }
            """, "started").Load()
            .SingleIs("child", "$.steps[3].outcomes", "\"wait\": false", "'started'", "remove 'outcomes'");

    [Fact]
    public void Loads_a_folder_skipping_the_schema_and_checks_subworkflows()
    {
        Write("transnational-return.json", Samples.Return);
        Write("monitoring.json", Samples.Monitoring);
        Write("monitoring-v2.json", Edit(Samples.Monitoring, d => d["version"] = 2));
        Write(DefinitionCatalog.SchemaFile, """{ "type": "object" }""");

        var load = DefinitionCatalog.LoadDirectory(_dir);

        Assert.True(load.IsValid, string.Join("\n", load.Problems));
        Assert.Equal([("monitoring", 1), ("monitoring", 2), ("transnational-return", 1)], load.Catalog.All.Select(d => (d.Id, d.Version)));
        Assert.Equal(2, load.Catalog.Latest("monitoring")!.Version);
        Assert.Equal(1, load.Catalog.Find("monitoring", 1)!.Version);
        Assert.Null(load.Catalog.Find("monitoring", 3));
        Assert.Null(load.Catalog.Latest("unknown"));
    }

    [Fact]
    public void Reports_subworkflow_of_a_workflow_not_in_the_catalog() =>
        SingleCatalogProblem(d => Monitor(d)["workflow"] = "monitorng")
            .At("monitor", "$.steps[9].workflow", "workflow 'monitorng' is not in the catalog", "did you mean 'monitoring'?");

    [Fact]
    public void Reports_subworkflow_of_a_workflow_that_failed_to_load()
    {
        Write("transnational-return.json", Samples.Return);
        Write("monitoring.json", Edit(Samples.Monitoring, d => d["title"] = 5));
        var problems = DefinitionCatalog.LoadDirectory(_dir).Problems;
        Assert.True(problems.Count == 3, string.Join("\n", problems));
        Assert.Equal("$.title", problems[0].JsonPath);
        Assert.All(problems.Skip(1), p => Assert.Contains("did not load because of its own problems", p.Message));
        Assert.Equal(["$.steps[9].workflow", "$.steps[11].workflow"], problems.Skip(1).Select(p => p.JsonPath));
    }

    [Fact]
    public void Reports_waiting_on_an_outcome_the_child_never_ends_with() =>
        SingleCatalogProblem(d =>
        {
            Monitor(d)["outcomes"] = new JsonArray("completed", "aborted");
            d["transitions"]!.AsArray().Add(new JsonObject { ["from"] = "monitor", ["outcome"] = "aborted", ["to"] = "declined" });
        })
            .At("monitor", "$.steps[9].outcomes[1]", "'aborted' is not an end outcome of workflow 'monitoring' v1", "completed");

    [Fact]
    public void Reports_input_that_is_not_a_child_variable() =>
        SingleCatalogProblem(d => Monitor(d)["input"]!["month"] = 3)
            .At("monitor", "$.steps[9].input.month", "workflow 'monitoring' v1 has no variable 'month'", "months, child");

    [Fact]
    public void Reports_input_to_a_child_variable_that_is_not_an_input() =>
        SingleCatalogProblem(d => Monitor(d)["input"]!["reports"] = 0)
            .At("monitor", "$.steps[9].input.reports", "variable 'reports' of workflow 'monitoring' is not an input", "\"input\": true");

    [Fact]
    public void Reports_input_of_an_incompatible_type() =>
        SingleCatalogProblem(d => Monitor(d)["input"]!["months"] = "person.isChild")
            .At("monitor", "$.steps[9].input.months", "is a number", "parent variable 'person.isChild' is a boolean");

    [Fact]
    public void Reports_literal_input_of_an_incompatible_type() =>
        SingleCatalogProblem(d => Monitor(d)["input"]!["child"] = 1)
            .At("monitor", "$.steps[9].input.child", "is a boolean", "the literal 1 is a number");

    [Fact]
    public void Reports_the_same_id_and_version_in_two_files()
    {
        Write("a-monitoring.json", Samples.Monitoring);
        var copy = Write("b-monitoring.json", Samples.Monitoring);
        var load = DefinitionCatalog.LoadDirectory(_dir);
        var problem = Assert.Single(load.Problems);
        Assert.Equal((copy, null, "$.version"), (problem.File, problem.StepId, problem.JsonPath));
        Assert.Contains("'monitoring' version 1 is already defined in", problem.Message);
        Assert.Contains("raise 'version'", problem.Message);
        Assert.Single(load.Catalog.All);
    }

    [Fact]
    public void Reports_a_missing_folder() =>
        Assert.Contains("does not exist", Assert.Single(DefinitionCatalog.LoadDirectory(Path.Combine(_dir, "nope")).Problems).Message);

    [Fact]
    public void Builds_a_catalog_from_definitions_and_refuses_duplicates()
    {
        var child = DefinitionLoader.Load(Samples.Monitoring, "m.json").Definition!;
        Assert.Same(child, DefinitionCatalog.From([child]).Latest("monitoring"));
        Assert.Throws<ArgumentException>(() => DefinitionCatalog.From([child, child]));
    }
}

internal static class CatalogProblemAssertions
{
    // Catalog problems name the real (temporary) file, checked by SingleCatalogProblem; here step, path and message.
    public static DefinitionProblem At(this DefinitionProblem problem, string stepId, string path, params string[] fragments)
    {
        Assert.Equal((stepId, path), (problem.StepId, problem.JsonPath));
        foreach (var fragment in fragments) Assert.Contains(fragment, problem.Message);
        return problem;
    }
}
