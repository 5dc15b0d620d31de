using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Acting;
using ReferralFlow.Core.History;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Tests.Runtime;

namespace ReferralFlow.Tests.Acting;

/// <summary>Issue 8 §3: one runner for every write, retrying a concurrency conflict up to one limit.</summary>
public class TransactionRunnerTests
{
    [Fact]
    public async Task A_conflict_is_retried_on_a_fresh_context_and_the_second_attempt_commits()
    {
        await using var harness = await RuntimeHarness.CreateAsync("sqlite", "runner_retry");
        var referral = await harness.Runtime.StartAsync("court-appearance", new Dictionary<string, System.Text.Json.Nodes.JsonNode?>(), Actor.Operator("ana"));
        var attempts = new List<int>();

        var result = await Transactions.RunAsync(harness.Open, Actor.Operator("ana"), unit =>
        {
            attempts.Add(unit.Attempt);
            unit.Db.History.Add(new HistoryEntry { ReferralId = referral.Id, At = harness.Clock.GetUtcNow(), Kind = "runner-test", Actor = unit.Actor.Name });
            if (unit.Attempt == 1) throw new DbUpdateConcurrencyException("another writer got there first");
            return Task.FromResult("done");
        }, CancellationToken.None);

        Assert.Equal("done", result);
        Assert.Equal([1, 2], attempts);
        await using var db = harness.Open();
        var written = Assert.Single(await db.History.Where(h => h.Kind == "runner-test").ToListAsync());
        Assert.Equal("ana", written.Actor);
    }

    [Fact]
    public async Task The_runner_gives_up_after_the_attempt_limit_and_nothing_is_written()
    {
        await using var harness = await RuntimeHarness.CreateAsync("sqlite", "runner_limit");
        var referral = await harness.Runtime.StartAsync("court-appearance", new Dictionary<string, System.Text.Json.Nodes.JsonNode?>(), Actor.Operator("ana"));
        var attempts = 0;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => Transactions.RunAsync(harness.Open, Actor.Timer, unit =>
        {
            attempts++;
            unit.Db.History.Add(new HistoryEntry { ReferralId = referral.Id, At = harness.Clock.GetUtcNow(), Kind = "runner-test" });
            throw new DbUpdateConcurrencyException("always in conflict");
        }, CancellationToken.None));

        Assert.Equal(Transactions.MaxAttempts, attempts);
        await using var db = harness.Open();
        Assert.False(await db.History.AnyAsync(h => h.Kind == "runner-test"));
    }
}
