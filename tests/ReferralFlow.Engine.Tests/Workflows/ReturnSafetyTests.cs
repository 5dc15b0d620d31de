using ReferralFlow.Engine.Definitions;

namespace ReferralFlow.Engine.Tests.Workflows;

/// <summary>Safety rules of the return procedures, proven on the graph (not on one run).</summary>
public sealed class ReturnSafetyTests
{
    // Steps that only make sense once the person is about to travel or is travelling.
    private static readonly string[] TravelSteps = ["book-travel", "escort-plan", "departure", "arrival-confirmation"];

    [Fact]
    public void Child_return_never_reaches_travel_without_family_assessment()
    {
        var child = ShippedWorkflows.Get("child-return");
        var assessment = Assert.IsType<PartnerRequestStep>(child.Step("family-assessment"));
        Assert.Equal("child-protection", assessment.Partner);
        Assert.Equal("family-assessment", assessment.Request);
        AssertReachable(child, child.Start);

        // Without the assessment step no travel step can be reached from the start: every path to travel
        // passes through it (a "not-safe" result still does, on its way to an alternative placement).
        AssertNoTravel(child, child.Start, removedSteps: ["family-assessment"]);

        // A missing assessment (timeout) never leads to travel unless the assessment is asked for again.
        AssertNoTravel(child, Target(child, "family-assessment", "timeout"), removedSteps: ["family-assessment"]);

        // After "not-safe", travel needs an accepted alternative placement.
        AssertNoTravel(child, Target(child, "family-assessment", "not-safe"),
            removedSteps: ["family-assessment"],
            removedTransitions: [("alternative-placement", "placement-offered"), ("find-alternative-placement", "placement-found")]);
    }

    [Fact]
    public void Child_return_never_reaches_travel_without_guardian_approval()
    {
        var child = ShippedWorkflows.Get("child-return");
        Assert.Equal("guardian", Assert.IsType<TaskStep>(child.Step("guardian-approval")).Role);

        AssertNoTravel(child, child.Start, removedTransitions: [("guardian-approval", "approved")]);
    }

    [Theory]
    [InlineData("transnational-return")]
    [InlineData("child-return")]
    public void Return_never_reaches_travel_before_the_receiving_partner_accepts(string id)
    {
        var definition = ShippedWorkflows.Get(id);
        Assert.Equal("receiving", Assert.IsType<PartnerRequestStep>(definition.Step("accept-referral")).Partner);
        AssertReachable(definition, definition.Start);

        AssertNoTravel(definition, definition.Start, removedTransitions: [("accept-referral", "accepted")]);
    }

    private static string Target(WorkflowDefinition definition, string step, string outcome) =>
        definition.Target(step, outcome) ?? throw new InvalidOperationException($"no transition for {step} → {outcome}");

    private static void AssertReachable(WorkflowDefinition definition, string from)
    {
        var reached = WorkflowGraph.Reachable(definition, from);
        foreach (var step in TravelSteps)
            Assert.True(reached.Contains(step), $"'{step}' should be reachable in '{definition.Id}' (is the id still right?)");
    }

    private static void AssertNoTravel(WorkflowDefinition definition, string from,
        string[]? removedSteps = null, (string, string)[]? removedTransitions = null)
    {
        var reached = WorkflowGraph.Reachable(definition, from, removedSteps, removedTransitions);
        var travel = TravelSteps.Where(reached.Contains).ToList();
        Assert.True(travel.Count == 0,
            $"'{definition.Id}': from '{from}' without [{string.Join(", ", removedSteps ?? [])}] " +
            $"[{string.Join(", ", (removedTransitions ?? []).Select(t => $"{t.Item1}→{t.Item2}"))}] " +
            $"these travel steps are reachable: {string.Join(", ", travel)}");
    }
}
