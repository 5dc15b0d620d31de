using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Definitions;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Runtime;
using ReferralFlow.Core.Tasks;

namespace ReferralFlow.Web.Demo;

/// <summary>
/// Fills an empty database with <see cref="DemoCaseload"/>, played through the real runtime (as a caseworker
/// would: completing tasks, recording partners' answers), so every row is one the product itself produced.
/// </summary>
public sealed class DemoReferrals(Func<ReferralFlowDb> openDb, WorkflowLibrary library, TimeProvider clock, ILogger<DemoReferrals> logger)
{
    public const string Actor = "demo";

    private static readonly IReadOnlyDictionary<string, JsonNode?> NoData = new Dictionary<string, JsonNode?>();

    private static readonly HandOffStatus[] OpenHandOff =
        [HandOffStatus.Requested, HandOffStatus.Received, HandOffStatus.Accepted, HandOffStatus.InProgress];

    /// <summary>Creates the demo referrals when there are no referrals at all; returns how many it started.</summary>
    public async Task<int> SeedIfEmptyAsync(CancellationToken ct = default)
    {
        await using (var db = openDb())
            if (await db.Referrals.AnyAsync(ct)) return 0;

        var started = 0;
        foreach (var scenario in DemoCaseload.Scenarios(clock.GetUtcNow()))
        {
            try
            {
                await PlayAsync(scenario, ct);
                started++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A procedure file changed under the demo: keep the rest of the demo rather than the start-up.
                logger.LogWarning(e, "A demo referral on {Workflow} could not be played to its stage", scenario.WorkflowId);
            }
        }
        return started;
    }

    private async Task PlayAsync(DemoScenario scenario, CancellationToken ct)
    {
        var past = new DemoClock(clock.GetUtcNow() - scenario.StartedAgo);
        var runtime = new ReferralRuntime(openDb, library, past);
        var referral = await runtime.StartAsync(scenario.WorkflowId, scenario.Input ?? NoData, Actor, ct);
        var gap = scenario.StartedAgo / (scenario.Moves.Count + 1);
        foreach (var move in scenario.Moves)
        {
            past.Advance(gap);
            var data = move.Data ?? NoData;
            var (taskId, handOffId) = await OpenWorkAsync(referral.Id, move.StepId, ct);
            if (taskId is { } task)
                await runtime.CompleteTaskAsync(task, move.Outcome, data, Actor, ct);
            else if (handOffId is { } handOff)
                await runtime.AnswerHandOffAsync(handOff, move.Outcome, data, Actor, move.Channel, ct);
            else
                throw new InvalidOperationException(
                    $"Demo referral {referral.CaseCode}: step '{move.StepId}' of '{scenario.WorkflowId}' is not open.");
        }
    }

    private async Task<(Guid? Task, Guid? HandOff)> OpenWorkAsync(Guid referralId, string stepId, CancellationToken ct)
    {
        await using var db = openDb();
        var task = await db.Tasks
            .Where(t => t.ReferralId == referralId && t.StepId == stepId && t.Status == WorkTaskStatus.Open)
            .Select(t => (Guid?)t.Id).FirstOrDefaultAsync(ct);
        if (task is not null) return (task, null);
        var handOff = await db.HandOffs
            .Where(h => h.ReferralId == referralId && h.StepId == stepId && OpenHandOff.Contains(h.Status))
            .Select(h => (Guid?)h.Id).FirstOrDefaultAsync(ct);
        return (null, handOff);
    }
}
