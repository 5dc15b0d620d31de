using ReferralFlow.Tests.Cli;
using ReferralFlow.Tests.Infrastructure;

namespace ReferralFlow.Tests.Forms;

/// <summary><c>workflows validate</c> checks the forms beside the procedures it is given.</summary>
public class FormsValidateTests
{
    [Fact]
    public async Task A_broken_form_is_reported_with_the_procedure_that_shows_it()
    {
        using var folder = new TempDirectory();
        var shipped = Path.Combine(AppContext.BaseDirectory, "workflows");
        File.Copy(Path.Combine(shipped, "monitoring.json"), folder.Combine("monitoring.json"));
        Directory.CreateDirectory(folder.Combine("forms"));
        File.Copy(Path.Combine(shipped, "forms", "final-case-evaluation.json"), folder.Combine("forms", "final-case-evaluation.json"));
        await File.WriteAllTextAsync(folder.Combine("forms", "interim-review.json"),
            """{ "id": "interim-review", "title": "Interim review", "fields": [{ "name": "notes", "label": "Notes", "type": "multline" }] }""");

        var result = await CliRun.WithoutDatabaseAsync("workflows", "validate", folder.Path, "--json");

        Assert.Equal(1, result.ExitCode);
        var problems = result.Json["problems"]!.AsArray().Select(p => p!["message"]!.GetValue<string>()).ToList();
        Assert.Equal(2, problems.Count);
        Assert.Contains("unknown field type 'multline'; did you mean 'multiline'?", problems[0]);
        Assert.Contains("form 'interim-review' did not load because of its own problems", problems[1]);
    }

    [Fact]
    public async Task The_shipped_procedures_and_forms_validate()
    {
        var result = await CliRun.WithoutDatabaseAsync("workflows", "validate", Path.Combine(AppContext.BaseDirectory, "workflows"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "workflows", "forms", "risk-assessment.json")),
            "the forms are copied beside the program with the procedures");
    }
}
