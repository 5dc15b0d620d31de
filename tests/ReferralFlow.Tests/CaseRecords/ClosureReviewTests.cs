using ReferralFlow.Core.Acting;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Monitoring;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Core.Tasks;
using ReferralFlow.Engine.Definitions;
using ReferralFlow.Tests.Runtime;

namespace ReferralFlow.Tests.CaseRecords;

/// <summary>Closure only after a review (issue 4 §5): proven on the shipped procedures' graphs, shown failing on a procedure
/// that skips the review, and run on a real database.</summary>
public class ClosureReviewTests
{
    private static WorkflowDefinition Load(string file) =>
        DefinitionLoader.LoadFile(Path.Combine(RuntimeHarness.RepositoryWorkflows, file)).Definition!;

    [Fact]
    public void The_follow_up_completes_only_through_the_final_review_and_a_return_closes_only_through_the_monitoring()
    {
        Assert.Empty(ReviewBeforeClosure.EndsReachableWithout(Load("monitoring.json"), "completed", "final-review"));
        Assert.Empty(ReviewBeforeClosure.EndsReachableWithout(Load("transnational-return.json"), "returned", "monitoring"));
        Assert.Empty(ReviewBeforeClosure.EndsReachableWithout(Load("child-return.json"), "returned", "monitoring"));
        // Closing early — the person withdraws, or contact is lost — also passes a coordinator's review first.
        Assert.Empty(ReviewBeforeClosure.EndsReachableWithout(Load("monitoring.json"), "withdrawn", "review-withdrawal"));
        Assert.Empty(ReviewBeforeClosure.EndsReachableWithout(Load("monitoring.json"), "lost-contact", "review-lost-contact"));
        // The check is not vacuous: each of those ends is reachable at all.
        Assert.Equal(["end-withdrawn"], ReviewBeforeClosure.EndsReachableWithout(Load("monitoring.json"), "withdrawn", "no-such-step"));
        Assert.Equal(["end-completed"], ReviewBeforeClosure.EndsReachableWithout(Load("monitoring.json"), "completed", "no-such-step"));
    }

    [Fact]
    public void A_procedure_whose_follow_up_closes_without_the_review_is_caught()
    {
        var shipped = Load("monitoring.json");
        var skipping = shipped with
        {
            Transitions = [.. shipped.Transitions.Select(t => t is { From: "reports-check", Outcome: "period-over" } ? t with { To = "end-completed" } : t)],
        };

        Assert.Equal(["end-completed"], ReviewBeforeClosure.EndsReachableWithout(skipping, "completed", "final-review"));
    }

    [Fact]
    public async Task After_the_last_report_the_follow_up_waits_for_the_final_review_and_closes_only_when_it_is_done()
    {
        await using var h = await RecordsHarness.CreateAsync("sqlite", "closure-review");
        var monitoring = await h.Runtime.Runtime.StartAsync("monitoring",
            new Dictionary<string, JsonNode?> { ["monitoring.months"] = JsonValue.Create(2) }, Actor.Operator("test"));

        await h.Runtime.Driver(TimeSpan.FromDays(400), "final-review").RunAsync();

        await using (var db = h.Open())
        {
            Assert.Equal(ReferralStatus.Active, (await db.Referrals.SingleAsync(r => r.Id == monitoring.Id)).Status);
            Assert.Equal(2, await db.HandOffs.CountAsync(x => x.ReferralId == monitoring.Id && x.Outcome == "received"));
        }
        await h.CompleteAsync(monitoring.Id, "final-review", "close");
        await using (var db = h.Open())
        {
            var closed = await db.Referrals.SingleAsync(r => r.Id == monitoring.Id);
            Assert.Equal((ReferralStatus.Closed, "completed"), (closed.Status, closed.Outcome));
            Assert.Equal(WorkTaskStatus.Completed, (await db.Tasks.SingleAsync(t => t.ReferralId == monitoring.Id && t.StepId == "final-review")).Status);
        }
    }
}
