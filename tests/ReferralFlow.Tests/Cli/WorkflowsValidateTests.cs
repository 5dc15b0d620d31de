using ReferralFlow.Tests.Infrastructure;

namespace ReferralFlow.Tests.Cli;

public class WorkflowsValidateTests
{
    [Fact]
    public async Task Shipped_workflows_folder_is_valid()
    {
        var result = await CliRun.WithoutDatabaseAsync("workflows", "validate");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("transnational-return v3", result.Out);
        Assert.Empty(result.Err);
    }

    [Fact]
    public async Task Broken_file_exits_1_listing_every_problem_with_file_step_and_path()
    {
        using var folder = new TempDirectory();
        var file = folder.Combine("broken.json");
        await File.WriteAllTextAsync(file, """
            { "id": "broken", "version": 0, "title": "Broken", "start": "nowhere",
              "steps": [ { "id": "a", "type": "task", "role": "caseworker", "outcomes": ["done", "other"] },
                         { "id": "b", "type": "teleport" } ],
              "transitions": [ { "from": "a", "outcome": "done", "to": "zzz" } ] }
            """);

        var result = await CliRun.WithoutDatabaseAsync("workflows", "validate", file);

        Assert.Equal(1, result.ExitCode);
        var lines = result.OutLines;
        Assert.All(lines, line => Assert.Contains("broken.json", line));
        Assert.Contains(lines, l => l.Contains("at $.version:"));
        Assert.Contains(lines, l => l.Contains("at $.start:"));
        Assert.Contains(lines, l => l.Contains("step 'b' at $.steps[1].type:"));
        Assert.Contains(lines, l => l.Contains("step 'a' at $.transitions[0].to:"));
        Assert.Contains(lines, l => l.Contains("step 'a' at $.steps[0].outcomes[1]:"));
        Assert.Equal(5, lines.Count);
        Assert.Equal($"5 problems in 1 of 1 file", Assert.Single(result.ErrLines));
    }

    [Fact]
    public async Task Message_facts_that_could_carry_the_persons_data_are_refused_naming_step_fact_and_what_to_change()
    {
        using var folder = new TempDirectory();
        var file = folder.Combine("leaky.json");
        await File.WriteAllTextAsync(file, """
            { "id": "leaky", "version": 1, "title": "Leaky notice", "start": "tell",
              "variables": { "travel.departurePlace": { "type": "string", "format": "place" } },
              "steps": [ { "id": "tell", "type": "notify", "to": "border-police", "notice": "departure-notice",
                           "facts": [ { "name": "traveller", "type": "text", "record": "person.fullName" },
                                      { "name": "handed-to", "type": "text", "record": "arrival.handedOverTo" },
                                      { "name": "departure-place", "type": "place", "variable": "travel.departurePlace" } ] },
                         { "id": "end", "type": "end", "outcome": "returned" } ],
              "transitions": [ { "from": "tell", "outcome": "done", "to": "end" } ] }
            """);

        var result = await CliRun.WithoutDatabaseAsync("workflows", "validate", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(3, result.OutLines.Count);
        Assert.Contains(result.OutLines, l => l.Contains("step 'tell' at $.steps[0].facts[0].record: fact 'traveller' reads the person's record ('person.fullName')"));
        Assert.Contains(result.OutLines, l => l.Contains("step 'tell' at $.steps[0].facts[1].record: fact 'handed-to' reads 'arrival.handedOverTo', free text that could hold a name"));
        Assert.Contains(result.OutLines, l => l.Contains("step 'tell' at $.steps[0].facts[2].variable: fact 'departure-place' reads variable 'travel.departurePlace', which is not declared non-personal") &&
            l.Contains("add \"personal\": false to 'travel.departurePlace'"));
    }

    [Fact]
    public async Task Json_output_lists_problems_as_objects()
    {
        using var folder = new TempDirectory();
        await File.WriteAllTextAsync(folder.Combine("not-json.json"), "{ \"id\": ");

        var result = await CliRun.WithoutDatabaseAsync("workflows", "validate", folder.Path, "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.False(result.Json["valid"]!.GetValue<bool>());
        var problem = Assert.Single(result.Json["problems"]!.AsArray())!;
        Assert.Equal("$", problem["jsonPath"]!.GetValue<string>());
        Assert.Contains("not valid JSON", problem["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_single_file_resolves_its_subworkflows_from_its_folder()
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, "workflows", "transnational-return.json");

        var result = await CliRun.WithoutDatabaseAsync("workflows", "validate", shipped);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("1 file valid: transnational-return v3", Assert.Single(result.OutLines));
    }

    [Fact]
    public async Task Missing_path_is_a_problem()
    {
        var result = await CliRun.WithoutDatabaseAsync("workflows", "validate", "no-such-folder");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no-such-folder: at $: no such file or folder", result.Out);
    }
}
