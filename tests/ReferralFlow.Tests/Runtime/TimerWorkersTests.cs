using ReferralFlow.Core.Acting;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Definitions;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Runtime;
using ReferralFlow.Tests.Infrastructure;

namespace ReferralFlow.Tests.Runtime;

/// <summary>Several worker hosts, each with its own connections, draining one PostgreSQL timer table.</summary>
public class TimerWorkersTests
{
    // One task with a deadline and nine reminders: ten durable timers per referral.
    private const string ManyReminders = """
        {
          "id": "many-reminders", "version": 1, "title": "Ten timers", "start": "wait-for-answer",
          "steps": [
            { "id": "wait-for-answer", "type": "task", "role": "caseworker", "outcomes": ["done"], "due": "PT1H",
              "remind": ["-PT50M", "-PT40M", "-PT30M", "-PT20M", "-PT10M", "PT10M", "PT20M", "PT30M", "PT40M"] },
            { "id": "end", "type": "end", "outcome": "done" }
          ],
          "transitions": [ { "from": "wait-for-answer", "outcome": "done", "to": "end" } ]
        }
        """;

    [Fact]
    public async Task Three_hosts_fire_ten_thousand_timers_exactly_once()
    {
        using var folder = new TempDirectory();
        await File.WriteAllTextAsync(folder.Combine("many-reminders.json"), ManyReminders);
        await using var harness = await RuntimeHarness.CreateAsync("postgres", "three_hosts", folder.Path);
        const int referrals = 1000;
        for (var i = 0; i < referrals; i++)
            await harness.Runtime.StartAsync("many-reminders", new Dictionary<string, JsonNode?>(), Actor.Operator("test"));
        harness.Clock.Advance(TimeSpan.FromHours(2));

        var workers = Enumerable.Range(1, 3).Select(host =>
        {
            // Each host has its own connection pool (a distinct application name), library and runtime.
            var options = DatabaseProvider.Options($"{harness.Database.ConnectionString};Application Name=host{host}");
            var runtime = new ReferralRuntime(() => new ReferralFlowDb(options), new WorkflowLibrary(), harness.Clock);
            return new TimerWorker(runtime, harness.Clock, $"host{host}") { BatchSize = 50 };
        }).ToList();
        var fired = await Task.WhenAll(workers.Select(w => Task.Run(() => w.DrainAsync())));

        await using var db = harness.Open();
        Assert.Equal(0, await db.Timers.CountAsync());
        Assert.Equal(referrals * 10, fired.Sum());
        Assert.All(fired, count => Assert.True(count > 0, "every host should have fired some timers"));
        // Every timer's effect is a history entry: exactly ten per referral means none was lost or doubled.
        var effects = await db.History.Where(h => h.Kind == "reminder" || h.Kind == "deadline-missed")
            .GroupBy(h => h.ReferralId).Select(g => new { Reminders = g.Count(h => h.Kind == "reminder"), Missed = g.Count(h => h.Kind == "deadline-missed") })
            .ToListAsync();
        Assert.Equal(referrals, effects.Count);
        Assert.All(effects, e => Assert.Equal((9, 1), (e.Reminders, e.Missed)));
        Assert.Equal(referrals * 9, await db.OutboxMessages.CountAsync(m => m.Kind == "reminder"));
    }
}
