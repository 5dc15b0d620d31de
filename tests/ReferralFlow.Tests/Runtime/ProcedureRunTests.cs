using ReferralFlow.Core.Acting;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Engine.Definitions;

namespace ReferralFlow.Tests.Runtime;

/// <summary>The four shipped procedures, run against a real database on the expected path and with a missed deadline.</summary>
public class ProcedureRunTests
{
    public static TheoryData<string, string, string> ExpectedEnds => new()
    {
        { "sqlite", "transnational-return", "returned" },
        { "postgres", "transnational-return", "returned" },
        { "sqlite", "child-return", "returned" },
        { "postgres", "child-return", "returned" },
        { "sqlite", "monitoring", "completed" },
        { "postgres", "monitoring", "completed" },
        { "sqlite", "court-appearance", "testified" },
        { "postgres", "court-appearance", "testified" },
    };

    [Theory]
    [MemberData(nameof(ExpectedEnds))]
    public async Task Runs_the_expected_path_to_its_end(string provider, string workflow, string outcome)
    {
        await using var harness = await RuntimeHarness.CreateAsync(provider, workflow);
        var started = await harness.Runtime.StartAsync(workflow, InputFor(workflow), Actor.Operator("test"));

        await harness.Driver().RunAsync();

        await using var db = harness.Open();
        var referral = await db.Referrals.SingleAsync(r => r.Id == started.Id);
        Assert.Equal((ReferralStatus.Closed, outcome), (referral.Status, referral.Outcome));
        Assert.Equal(0, await db.Timers.CountAsync());
        Assert.Equal(0, await db.Incidents.CountAsync());
        Assert.All(await db.Referrals.ToListAsync(), r => Assert.Equal(ReferralStatus.Closed, r.Status));
        var kinds = await db.History.Where(h => h.ReferralId == started.Id).Select(h => h.Kind).ToListAsync();
        Assert.Equal("started", kinds[0]);
        Assert.Equal("ended", kinds[^1]);
    }

    public static TheoryData<string, string, string> SilentSteps => new()
    {
        { "sqlite", "transnational-return", "accept-referral" },
        { "postgres", "transnational-return", "accept-referral" },
        { "sqlite", "child-return", "family-assessment" },
        { "postgres", "child-return", "family-assessment" },
        { "sqlite", "monitoring", "monthly-report" },
        { "postgres", "monitoring", "monthly-report" },
        { "sqlite", "court-appearance", "inform-person" },
        { "postgres", "court-appearance", "inform-person" },
    };

    [Theory]
    [MemberData(nameof(SilentSteps))]
    public async Task A_missed_deadline_reminds_escalates_and_moves_on_at_the_planned_times(string provider, string workflow, string silentStep)
    {
        await using var harness = await RuntimeHarness.CreateAsync(provider, workflow);
        var started = await harness.Runtime.StartAsync(workflow, InputFor(workflow), Actor.Operator("test"));

        await harness.Driver(silentStep).RunAsync();

        await using var db = harness.Open();
        var definition = await harness.Library.LatestAsync(db, workflow);
        var step = (PartnerRequestStep)definition.Step(silentStep);
        var handOff = await db.HandOffs.Where(h => h.StepId == silentStep).OrderBy(h => h.CreatedAt).FirstAsync();
        var history = await db.History.Where(h => h.StepId == silentStep && h.At >= handOff.CreatedAt)
            .OrderBy(h => h.Id).ToListAsync();
        var dueAt = handOff.DueAt!.Value;

        var expected = new List<(DateTimeOffset, string, string?)>();
        expected.AddRange(step.Deadline!.Remind.Select(r => (r.AddTo(dueAt), "reminder", (string?)step.Partner)));
        expected.Add((dueAt, "deadline-missed", null));
        foreach (var rung in step.Deadline.Escalate)
            expected.Add((rung.After.AddTo(dueAt), rung.IsOutcome ? "timed-out" : "escalated", rung.To));
        expected = [.. expected.OrderBy(e => e.Item1)];
        var firstRound = history.Where(h => h.Kind is "reminder" or "deadline-missed" or "escalated" or "timed-out")
            .Take(expected.Count).Select(h => (h.At, h.Kind, h.Detail)).ToList();

        Assert.Equal(expected, firstRound);
        Assert.Equal("failed", Core.HandOffs.HandOffStatusCodes.ToCode(handOff.Status));
        var timeout = step.Deadline.Escalate.Last(r => r.IsOutcome).To;
        var next = definition.Target(silentStep, timeout)!;
        var movedOnAt = expected[^1].Item1;
        Assert.True(await db.History.AnyAsync(h => h.StepId == next && h.At == movedOnAt),
            $"after '{timeout}' the workflow should move on to '{next}'");
    }

    internal static IReadOnlyDictionary<string, JsonNode?> InputFor(string workflow) => workflow switch
    {
        "court-appearance" => new Dictionary<string, JsonNode?>
        {
            ["court.hearingAt"] = JsonValue.Create(RuntimeHarness.Start.AddDays(21).ToString("O")),
        },
        _ => new Dictionary<string, JsonNode?>(),
    };
}
