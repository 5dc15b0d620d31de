using ReferralFlow.Tests.Infrastructure;

namespace ReferralFlow.Tests.Cli;

public class SimulateCommandTests
{
    [Fact]
    public async Task Prints_the_dated_timeline_of_a_scripted_rehearsal_starting_on_the_pinned_day()
    {
        using var folder = new TempDirectory();
        var script = folder.Combine("script.json");
        await File.WriteAllTextAsync(script, """{ "steps": { "intake-identification": { "outcome": "not-identified", "after": "PT2H" } } }""");

        var result = await CliRun.WithoutDatabaseAsync("simulate", "transnational-return", "--script", script, "--now", "2027-01-04T15:30:00Z");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.OutLines;
        Assert.StartsWith("2027-01-04 09:00  transnational-return", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("2027-01-04 11:00", StringComparison.Ordinal) && l.Contains("task-completed") && l.Contains("not-identified"));
        Assert.StartsWith("END: ended 'not-identified'", lines[^1]);
    }

    [Fact]
    public async Task A_script_with_problems_lists_them_and_exits_1()
    {
        using var folder = new TempDirectory();
        var script = folder.Combine("script.json");
        await File.WriteAllTextAsync(script, """{ "steps": 3 }""");

        var result = await CliRun.WithoutDatabaseAsync("simulate", "transnational-return", "--script", script);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("'steps' must be an object", Assert.Single(result.ErrLines));
        Assert.Empty(result.Out);
    }
}
