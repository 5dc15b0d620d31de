using ReferralFlow.Engine.Definitions;
using Xunit.Abstractions;

namespace ReferralFlow.Engine.Tests.Workflows;

public sealed class ShippedWorkflowTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_shipped_workflow_file_validates()
    {
        var load = ShippedWorkflows.Load();
        foreach (var problem in load.Problems) output.WriteLine(problem.ToString());

        Assert.True(load.Problems.Count == 0,
            $"{load.Problems.Count} problem(s) in {ShippedWorkflows.Folder}:{Environment.NewLine}" +
            string.Join(Environment.NewLine, load.Problems));
        var loaded = load.Catalog.All.Select(d => d.Id).ToHashSet();
        foreach (var id in ShippedWorkflows.Ids)
            Assert.True(loaded.Contains(id), $"workflow '{id}' is missing; loaded: {string.Join(", ", loaded)}");
    }

    [Fact]
    public void Transnational_return_expected_path_ends_returned()
    {
        var path = ExpectedPath("transnational-return", "returned");

        AssertInOrder(path, "intake-identification", "risk-needs-assessment", "informed-choice", "accept-referral",
            "prepare-return", "escort-plan", "notify-border-police", "notify-investigating-police", "departure",
            "arrival-confirmation", "monitoring");
    }

    [Fact]
    public void Child_return_expected_path_ends_returned()
    {
        var path = ExpectedPath("child-return", "returned");

        AssertInOrder(path, "intake-identification", "appoint-guardian", "risk-needs-assessment", "hear-child-views",
            "family-assessment", "best-interest-determination", "guardian-approval", "accept-referral", "prepare-return",
            "escort-plan", "departure", "arrival-confirmation", "monitoring");
    }

    [Fact]
    public void Monitoring_expected_path_ends_completed()
    {
        var path = ExpectedPath("monitoring", "completed");

        AssertInOrder(path, "wait-month", "monthly-report", "reports-check", "final-review");
        // The return procedures route their expected path on the outcome monitoring ends with when all goes well.
        foreach (var parent in new[] { "transnational-return", "child-return" })
        {
            var step = Assert.IsType<SubworkflowStep>(ShippedWorkflows.Get(parent).Step("monitoring"));
            Assert.Equal("completed", step.Outcomes[0]);
        }
    }

    [Fact]
    public void Court_appearance_expected_path_ends_testified()
    {
        var path = ExpectedPath("court-appearance", "testified");

        AssertInOrder(path, "inform-person", "witness-consent", "prepare-appearance", "escort-plan", "court-travel",
            "return-journey", "record-hearing-result");
    }

    private List<string> ExpectedPath(string id, string expectedOutcome)
    {
        var definition = ShippedWorkflows.Get(id);
        var (end, path) = WorkflowGraph.FollowFirstOutcomes(definition);
        output.WriteLine(string.Join(" → ", path));
        Assert.Equal(expectedOutcome, end.Outcome);
        return path;
    }

    private static void AssertInOrder(List<string> path, params string[] steps)
    {
        var at = -1;
        foreach (var step in steps)
        {
            var next = path.IndexOf(step, at + 1);
            Assert.True(next > at, $"'{step}' is not on the expected path after position {at}: {string.Join(" → ", path)}");
            at = next;
        }
    }
}
