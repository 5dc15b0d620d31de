using ReferralFlow.Core.Acting;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Tests.Infrastructure;
using ReferralFlow.Tests.Persistence;

namespace ReferralFlow.Tests.Runtime;

public class LateWorkerTests
{
    private const string Ladder = """
        { "id": "ladder", "version": 1, "title": "Ladder", "start": "request",
          "steps": [
            { "id": "request", "type": "partnerRequest", "partner": "receiving", "request": "accept-referral",
              "outcomes": ["accepted", "timeout"], "due": "P1D", "remind": ["-PT1H"],
              "escalate": [ { "after": "PT1H", "to": "backup" }, { "after": "PT2H", "to": "coordinator" },
                            { "after": "PT3H", "to": "focal-point" }, { "after": "PT4H", "to": "timeout" } ] },
            { "id": "done", "type": "end", "outcome": "done" } ],
          "transitions": [ { "from": "request", "outcome": "accepted", "to": "done" },
                           { "from": "request", "outcome": "timeout", "to": "done" } ] }
        """;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_worker_that_comes_back_late_fires_the_ladder_in_due_order(string provider)
    {
        using var folder = new TempDirectory();
        await File.WriteAllTextAsync(folder.Combine("ladder.json"), Ladder);
        await using var harness = await RuntimeHarness.CreateAsync(provider, "late", folder.Path);
        await harness.Runtime.StartAsync("ladder", new Dictionary<string, JsonNode?>(), Actor.Operator("test"));

        harness.Clock.Advance(TimeSpan.FromDays(21));
        await harness.Worker.DrainAsync();

        await using var db = harness.Open();
        var rungs = await db.History.Where(h => h.Actor == "timer").OrderBy(h => h.Id).Select(h => h.Kind + ":" + h.Detail).ToListAsync();
        Assert.Equal(["reminder:receiving", "deadline-missed:", "escalated:backup", "escalated:coordinator",
            "escalated:focal-point", "timed-out:timeout"], rungs);
    }
}
