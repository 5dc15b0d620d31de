using System.Diagnostics;
using System.Text.Json.Nodes;
using ReferralFlow.Core.Acting;
using ReferralFlow.Core.Definitions;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Rehearsal;
using ReferralFlow.Core.Runtime;
using ReferralFlow.Engine.Simulation;

namespace ReferralFlow.Core.Benchmarks;

/// <summary>
/// Drives N referrals through a procedure on its expected path, then replays the same number of committed
/// transactions, each writing as many rows as the engine's did, with plain ADO.NET on the same database:
/// the ratio says how close the engine comes to the raw ceiling of the database.
/// </summary>
public sealed class EngineBenchmark(Func<ReferralFlowDb> openDb, string workflowsDirectory)
{
    public async Task<EngineBenchmarkResult> RunAsync(string workflowId, int referrals, CancellationToken ct = default)
    {
        var clock = new VirtualClock(new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.Zero));
        var library = new WorkflowLibrary();
        await using (var db = openDb())
        {
            await DatabaseMigrator.MigrateAsync(db, ct);
            await WorkflowLibrary.PublishAsync(db, workflowsDirectory, clock.GetUtcNow(), ct);
        }
        var runtime = new ReferralRuntime(openDb, library, clock);
        var commits = new List<CommitStats>();
        runtime.Committed = commits.Add;
        var driver = new ExpectedPathDriver(runtime, library, clock, new TimerWorker(runtime, clock, "bench"));

        var engineTime = Stopwatch.StartNew();
        for (var i = 0; i < referrals; i++)
            await runtime.StartAsync(workflowId, new Dictionary<string, JsonNode?>(), Actor.System("bench", "bench"), ct);
        await driver.RunAsync(ct);
        engineTime.Stop();

        var rawTime = await RawBaseline.RunAsync(openDb, [.. commits.Select(c => c.RowsWritten)], ct);
        return new EngineBenchmarkResult(
            referrals, commits.Count, commits.Sum(c => c.StepsRun), commits.Sum(c => c.RowsWritten),
            engineTime.Elapsed, rawTime);
    }
}

public sealed record EngineBenchmarkResult(
    int Referrals, int Transactions, int Transitions, int Rows, TimeSpan EngineTime, TimeSpan RawTime)
{
    public double TransitionsPerSecond => Transitions / EngineTime.TotalSeconds;
    public double EngineTransactionsPerSecond => Transactions / EngineTime.TotalSeconds;
    public double RawTransactionsPerSecond => Transactions / RawTime.TotalSeconds;

    /// <summary>Engine throughput as a share of the raw ADO.NET ceiling for the same commits (1.0 = equal).</summary>
    public double Ratio => RawTime.TotalSeconds / EngineTime.TotalSeconds;
}
