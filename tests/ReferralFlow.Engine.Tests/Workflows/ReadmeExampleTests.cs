using System.Text.RegularExpressions;
using ReferralFlow.Engine.Definitions;

namespace ReferralFlow.Engine.Tests.Workflows;

/// <summary>The worked example in workflows/README.md must stay a valid procedure.</summary>
public sealed partial class ReadmeExampleTests
{
    [Fact]
    public void Readme_worked_example_validates_and_ends_completed()
    {
        var readme = File.ReadAllText(Path.Combine(ShippedWorkflows.Folder, "README.md"));
        var section = readme[readme.IndexOf("## Worked example", StringComparison.Ordinal)..];
        var json = JsonBlock().Match(section);
        Assert.True(json.Success, "no ```json block in the worked example of workflows/README.md");

        var result = DefinitionLoader.Load(json.Groups[1].Value, "README.md (worked example)");

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        var (end, _) = WorkflowGraph.FollowFirstOutcomes(result.Definition!);
        Assert.Equal("completed", end.Outcome);
    }

    [GeneratedRegex(@"```json\s*\n(.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
