using System.Text.Json.Nodes;

namespace ReferralFlow.Engine.Tests.Definitions;

// Rule 12: wait needs one of for/until; parallel branches, joins and branch ownership.
public class ParallelAndWaitProblemTests
{
    // intake → prepare [3] { documents: docs [4], travel: travel [5] } → closed; both branches end in "join".
    private static JsonObject WithParallel(string join = "all")
    {
        var doc = Wf.Minimal().Insert($$"""
            { "id": "prepare", "type": "parallel", "branches": { "documents": "docs", "travel": "travel" }, "join": "{{join}}" }
            """);
        doc.AddSteps(
            """{ "id": "docs", "type": "task", "role": "caseworker", "outcomes": ["issued"] }""",
            """{ "id": "travel", "type": "task", "role": "coordinator", "outcomes": ["booked"] }""");
        doc.AddTransition("docs", "issued", "join").AddTransition("travel", "booked", "join");
        if (join == "all") doc.AddTransition("prepare", "done", "closed");
        else doc.AddTransition("prepare", "documents", "closed").AddTransition("prepare", "travel", "closed");
        return doc;
    }

    [Theory]
    [InlineData("all")]
    [InlineData("any")]
    public void Accepts_a_parallel_step_with_either_join(string join) => WithParallel(join).Load().Valid();

    [Fact]
    public void Reports_wait_with_both_for_and_until() =>
        Wf.Minimal().Insert("""{ "id": "pause", "type": "wait", "for": "P1D", "until": "arrival.at" }""", "done").Load()
            .SingleIs("pause", "$.steps[3]", "both 'for' and 'until'", "exactly one");

    [Fact]
    public void Reports_wait_with_neither_for_nor_until() =>
        Wf.Minimal().Insert("""{ "id": "pause", "type": "wait" }""", "done").Load()
            .SingleIs("pause", "$.steps[3]", "exactly one of 'for'", "'until'");

    [Fact]
    public void Reports_unknown_join_mode()
    {
        var doc = WithParallel();
        doc.Step("prepare")["join"] = "first";
        doc.Load().SingleIs("prepare", "$.steps[3].join", "join 'first' is not known", "\"all\"", "\"any\"");
    }

    [Fact]
    public void Reports_parallel_with_fewer_than_two_branches()
    {
        var doc = WithParallel();
        doc.Step("prepare")["branches"]!.AsObject().Remove("travel");
        doc.Steps().RemoveAt(5);
        doc.Transitions().RemoveAt(3);
        doc.Load().SingleIs("prepare", "$.steps[3].branches", "at least 2 branches", "has 1");
    }

    [Fact]
    public void Reports_branch_starting_at_a_missing_step()
    {
        var doc = WithParallel();
        doc.Step("prepare")["branches"]!["travel"] = "travl";
        var problems = doc.Load().Problems;
        problems.Single(p => p.JsonPath == "$.steps[3].branches.travel")
            .Is("prepare", "$.steps[3].branches.travel", "branch 'travel' starts at unknown step 'travl'", "did you mean 'travel'?");
    }

    [Fact]
    public void Reports_join_used_outside_any_parallel_branch()
    {
        var doc = Wf.Minimal().AddTransition("intake", "other", "join");
        doc.Intake()["outcomes"]!.AsArray().Add("other");
        doc.Load().SingleIs("intake", "$.transitions[2].to", "step 'intake' is not inside a parallel branch", "\"join\" has nothing to end");
    }

    [Fact]
    public void Reports_two_branches_sharing_a_step()
    {
        var doc = WithParallel();
        doc.Step("docs")["outcomes"] = JsonNode.Parse("""["issued", "refused"]""");
        doc.AddTransition("docs", "refused", "travel");
        doc.Load().SingleIs("prepare", "$.steps[3].branches.travel",
            "branch 'travel' reaches step 'travel' which also belongs to branch 'documents'", "each step belongs to one branch");
    }

    [Fact]
    public void Reports_branch_leading_into_the_main_path()
    {
        var doc = WithParallel();
        doc.Step("docs")["outcomes"] = JsonNode.Parse("""["issued", "refused"]""");
        doc.AddTransition("docs", "refused", "closed");
        doc.Load().SingleIs("prepare", "$.steps[3].branches.documents",
            "branch 'documents' reaches step 'closed' which is also reached from outside parallel step 'prepare'");
    }

    [Fact]
    public void Reports_branch_that_never_reaches_join_or_an_end()
    {
        var doc = WithParallel();
        doc.Step("travel")["outcomes"] = JsonNode.Parse("""["booked", "changed"]""");
        doc.AddSteps("""{ "id": "rebook", "type": "task", "role": "coordinator", "outcomes": ["again"] }""");
        doc.Route("travel", "booked", "rebook").AddTransition("travel", "changed", "rebook").AddTransition("rebook", "again", "travel");
        doc.Load().SingleIs("prepare", "$.steps[3].branches.travel", "branch 'travel' of parallel step 'prepare' never reaches \"join\" or an end step");
    }

    [Fact]
    public void Accepts_a_branch_ending_in_an_end_step_and_a_nested_parallel()
    {
        var doc = WithParallel();
        doc.Step("docs")["outcomes"] = JsonNode.Parse("""["issued", "refused"]""");
        doc.AddSteps("""{ "id": "refused-end", "type": "end", "outcome": "refused" }""").AddTransition("docs", "refused", "refused-end");
        // The travel branch runs its own parallel step whose branches join into it.
        doc.Step("prepare")["branches"]!["travel"] = "travel-both";
        doc.AddSteps(
            """{ "id": "travel-both", "type": "parallel", "branches": { "ticket": "travel", "escort": "escort" }, "join": "all" }""",
            """{ "id": "escort", "type": "task", "role": "coordinator", "outcomes": ["arranged"] }""");
        doc.AddTransition("escort", "arranged", "join").AddTransition("travel-both", "done", "join");
        doc.Load().Valid();
    }
}
