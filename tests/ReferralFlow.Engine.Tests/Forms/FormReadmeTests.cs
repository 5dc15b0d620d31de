using System.Text.RegularExpressions;
using ReferralFlow.Engine.Forms;
using ReferralFlow.Engine.Tests.Workflows;

namespace ReferralFlow.Engine.Tests.Forms;

/// <summary>The form example in workflows/README.md must stay a valid form.</summary>
public sealed partial class FormReadmeTests
{
    [Fact]
    public void Readme_form_example_loads()
    {
        var readme = File.ReadAllText(Path.Combine(ShippedWorkflows.Folder, "README.md"));
        var section = readme[readme.IndexOf("## Forms", StringComparison.Ordinal)..];
        var json = JsonBlock().Match(section);
        Assert.True(json.Success, "no ```json block in the Forms section of workflows/README.md");

        var result = FormLoader.Load(json.Groups[1].Value, "forms/safety-plan.json");

        Assert.True(result.Form is not null, string.Join(Environment.NewLine, result.Problems));
        Assert.False(result.Form.Field("level")!.Personal);
    }

    [GeneratedRegex(@"```json\s*\n(.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
