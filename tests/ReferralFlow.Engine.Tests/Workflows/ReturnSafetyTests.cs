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

    [Theory]
    [InlineData("transnational-return")]
    [InlineData("child-return")]
    public void High_risk_never_reaches_travel_without_a_safety_plan(string id)
    {
        var definition = ShippedWorkflows.Get(id);
        var safetyPlan = Assert.IsType<TaskStep>(definition.Step("safety-plan"));
        Assert.Equal("safety-plan", safetyPlan.Form);
        var decision = Assert.IsType<DecisionStep>(definition.Step("risk-level"));
        Assert.Equal("high", Assert.Single(decision.Branches).Outcome);
        Assert.Equal("risk.level == 'high'", decision.Branches[0].When);

        // The level the decision reads is final: only the assessment sets it, and the assessment lies before it.
        var setters = definition.Steps.Where(s => s is TaskStep t && t.Sets.Contains("risk.level")
            || s is PartnerRequestStep p && p.Sets.Contains("risk.level")).Select(s => s.Id).ToList();
        Assert.Equal(["risk-needs-assessment"], setters);
        Assert.DoesNotContain("risk-needs-assessment", WorkflowGraph.Reachable(definition, "risk-level"));

        // With a high level the decision never takes "not-high"; then every path to travel passes the safety plan's
        // "plan-agreed" (the plan not agreed leads back to the choice, never on to travel).
        AssertNoTravel(definition, definition.Start,
            removedTransitions: [("risk-level", "not-high"), ("safety-plan", "plan-agreed")]);
        AssertNoTravel(definition, definition.Start, removedSteps: ["safety-plan"], removedTransitions: [("risk-level", "not-high")]);
        // And the plan is on the way: with it agreed, travel can be reached.
        AssertReachable(definition, "safety-plan");
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
