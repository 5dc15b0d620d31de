using ReferralFlow.Core.Acting;
using System.Data.Common;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ReferralFlow.Core;
using ReferralFlow.Core.Definitions;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Core.Runtime;
using ReferralFlow.Core.Tasks;
using ReferralFlow.Tests.Infrastructure;
using ReferralFlow.Tests.Persistence;

namespace ReferralFlow.Tests.Runtime;

/// <summary>Version pinning, withdrawal, incidents, atomic steps and optimistic concurrency, on both providers.</summary>
public class RuntimeBehaviourTests
{
    private static readonly Dictionary<string, JsonNode?> NoInput = [];

    private static string Pinned(int version, string nextStep) => $$"""
        { "id": "pinned", "version": {{version}}, "title": "Pinned v{{version}}", "start": "first",
          "steps": [
            { "id": "first", "type": "task", "role": "caseworker", "outcomes": ["done"] },
            { "id": "{{nextStep}}", "type": "task", "role": "caseworker", "outcomes": ["done"] },
            { "id": "end", "type": "end", "outcome": "done" } ],
          "transitions": [
            { "from": "first", "outcome": "done", "to": "{{nextStep}}" },
            { "from": "{{nextStep}}", "outcome": "done", "to": "end" } ] }
        """;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_running_referral_stays_on_the_version_it_started_with(string provider)
    {
        using var folder = new TempDirectory();
        await File.WriteAllTextAsync(folder.Combine("pinned.json"), Pinned(1, "second-v1"));
        await using var harness = await RuntimeHarness.CreateAsync(provider, "pinning", folder.Path);
        var old = await harness.Runtime.StartAsync("pinned", NoInput, Actor.Operator("test"));

        await File.WriteAllTextAsync(folder.Combine("pinned-v2.json"), Pinned(2, "second-v2"));
        await harness.PublishAsync(folder.Path);
        var current = await harness.Runtime.StartAsync("pinned", NoInput, Actor.Operator("test"));
        foreach (var id in new[] { old.Id, current.Id })
            await harness.Runtime.CompleteTaskWithoutFormAsync(await OpenTaskAsync(harness, id), "done", NoInput, Actor.Operator("test"));

        await using var db = harness.Open();
        Assert.Equal("second-v1", (await db.Tasks.SingleAsync(t => t.ReferralId == old.Id && t.Status == WorkTaskStatus.Open)).StepId);
        Assert.Equal("second-v2", (await db.Tasks.SingleAsync(t => t.ReferralId == current.Id && t.Status == WorkTaskStatus.Open)).StepId);
        Assert.Equal([1, 2], await db.Referrals.OrderBy(r => r.StartedAt).ThenBy(r => r.WorkflowVersion).Select(r => r.WorkflowVersion).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Publishing_changed_content_under_a_published_version_is_refused(string provider)
    {
        using var folder = new TempDirectory();
        await File.WriteAllTextAsync(folder.Combine("pinned.json"), Pinned(1, "second"));
        await using var harness = await RuntimeHarness.CreateAsync(provider, "immutable", folder.Path);

        await File.WriteAllTextAsync(folder.Combine("pinned.json"), Pinned(1, "changed"));
        var error = await Assert.ThrowsAsync<ReferralFlowException>(() => harness.PublishAsync(folder.Path));

        Assert.Contains("already published with different content", error.Message);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Withdrawing_cancels_open_tasks_hand_offs_timers_and_children(string provider)
    {
        await using var harness = await RuntimeHarness.CreateAsync(provider, "withdraw");
        var referral = await harness.Runtime.StartAsync("transnational-return", NoInput, Actor.Operator("test"));
        // Reach the parallel preparation: several tasks and hand-offs open at once, each with timers.
        await harness.Driver(TimeSpan.FromDays(1), "request-travel-documents", "book-travel", "pre-departure-contact").RunAsync();

        await harness.Runtime.WithdrawAsync(referral.Id, Actor.Operator("coordinator"));

        await using var db = harness.Open();
        Assert.Equal(ReferralStatus.Withdrawn, (await db.Referrals.SingleAsync(r => r.Id == referral.Id)).Status);
        Assert.Equal(0, await db.Tasks.CountAsync(t => t.Status == WorkTaskStatus.Open));
        Assert.Equal(0, await db.HandOffs.CountAsync(h => h.Status == HandOffStatus.Requested));
        Assert.Equal(0, await db.Timers.CountAsync());
        Assert.True(await db.Tasks.CountAsync(t => t.Status == WorkTaskStatus.Cancelled) >= 2);
        Assert.Equal(1, await db.HandOffs.CountAsync(h => h.Status == HandOffStatus.Cancelled));
    }

    private const string NeedsDate = """
        { "id": "needs-date", "version": 1, "title": "Wait for a date set in another branch", "start": "both",
          "variables": { "travel.date": { "type": "date" } },
          "steps": [
            { "id": "both", "type": "parallel", "join": "all", "branches": { "plan": "set-date", "wait": "wait-for-date" } },
            { "id": "set-date", "type": "task", "role": "caseworker", "outcomes": ["planned"], "sets": ["travel.date"] },
            { "id": "wait-for-date", "type": "wait", "until": "travel.date" },
            { "id": "end", "type": "end", "outcome": "done" } ],
          "transitions": [
            { "from": "both", "outcome": "done", "to": "end" },
            { "from": "set-date", "outcome": "planned", "to": "join" },
            { "from": "wait-for-date", "outcome": "done", "to": "join" } ] }
        """;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_failing_step_records_an_incident_and_runs_again_on_retry(string provider)
    {
        using var folder = new TempDirectory();
        await File.WriteAllTextAsync(folder.Combine("needs-date.json"), NeedsDate);
        await using var harness = await RuntimeHarness.CreateAsync(provider, "incident", folder.Path);
        var referral = await harness.Runtime.StartAsync("needs-date", NoInput, Actor.Operator("test"));

        await using (var db = harness.Open())
        {
            var incident = await db.Incidents.SingleAsync();
            Assert.Equal(("wait-for-date", true), (incident.StepId, incident.IsOpen));
            Assert.Contains("travel.date", incident.Message);
            Assert.Equal(1, (await db.Referrals.SingleAsync()).OpenIncidents);
        }
        var date = RuntimeHarness.Start.AddDays(3);
        await harness.Runtime.CompleteTaskWithoutFormAsync(await OpenTaskAsync(harness, referral.Id), "planned",
            new Dictionary<string, JsonNode?> { ["travel.date"] = date.ToString("O") }, Actor.Operator("test"));
        await harness.Runtime.RetryIncidentsAsync(referral.Id, Actor.Operator("coordinator"));
        harness.Clock.AdvanceTo(date);
        await harness.Worker.DrainAsync();

        await using var after = harness.Open();
        var closed = await after.Referrals.SingleAsync();
        Assert.Equal((ReferralStatus.Closed, 0), (closed.Status, closed.OpenIncidents));
        Assert.False((await after.Incidents.SingleAsync()).IsOpen);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_step_whose_commit_fails_leaves_nothing_behind(string provider)
    {
        await using var harness = await RuntimeHarness.CreateAsync(provider, "atomic");
        var referral = await harness.Runtime.StartAsync("transnational-return", NoInput, Actor.Operator("test"));
        var failing = new ReferralRuntime(
            () => new ReferralFlowDb(new DbContextOptionsBuilder<ReferralFlowDb>(DatabaseProvider.Options(harness.Database.ConnectionString))
                .AddInterceptors(new FailOnTaskInsert()).Options),
            harness.Library, harness.Clock);
        await using var before = harness.Open();
        var snapshot = await SnapshotAsync(before);

        // Completing intake opens the risk assessment task; that insert fails, after the engine's other writes.
        var taskId = await OpenTaskAsync(harness, referral.Id);
        await Assert.ThrowsAnyAsync<Exception>(() => failing.CompleteTaskWithoutFormAsync(taskId, "identified",
            new Dictionary<string, JsonNode?> { ["referral.source"] = "police" }, Actor.Operator("test")));

        await using var after = harness.Open();
        Assert.Equal(snapshot, await SnapshotAsync(after));
        Assert.Equal(WorkTaskStatus.Open, (await after.Tasks.SingleAsync(t => t.Id == taskId)).Status);
    }

    // PostgreSQL only: SQLite serialises writers with BEGIN IMMEDIATE, so two resumes never interleave there.
    [Fact]
    public async Task A_resume_that_loses_a_race_is_retried_on_fresh_state()
    {
        await using var harness = await RuntimeHarness.CreateAsync("postgres", "race");
        var referral = await harness.Runtime.StartAsync("transnational-return", NoInput, Actor.Operator("test"));
        await harness.Driver(TimeSpan.FromDays(1), "request-travel-documents", "book-travel", "pre-departure-contact").RunAsync();
        await using var db = harness.Open();
        var tasks = await db.Tasks.Where(t => t.Status == WorkTaskStatus.Open).Select(t => t.Id).ToListAsync();
        Assert.Equal(2, tasks.Count);

        // The first save of the first completion meets a revision bumped by the second completion.
        var competitor = new CompeteOnce(() => harness.Runtime.CompleteTaskWithoutFormAsync(tasks[1], OutcomeOf(db, tasks[1]), NoInput, Actor.Operator("other")));
        var racing = new ReferralRuntime(
            () => new ReferralFlowDb(new DbContextOptionsBuilder<ReferralFlowDb>(DatabaseProvider.Options(harness.Database.ConnectionString))
                .AddInterceptors(competitor).Options),
            harness.Library, harness.Clock);
        await racing.CompleteTaskWithoutFormAsync(tasks[0], OutcomeOf(db, tasks[0]), NoInput, Actor.Operator("first"));

        await using var after = harness.Open();
        Assert.True(competitor.Done);
        Assert.Equal(0, await after.Tasks.CountAsync(t => tasks.Contains(t.Id) && t.Status == WorkTaskStatus.Open));
        var state = (await after.Referrals.SingleAsync(r => r.Id == referral.Id)).StateJson;
        Assert.DoesNotContain("book-travel", state);
        Assert.DoesNotContain("pre-departure-contact", state);
    }

    private static string OutcomeOf(ReferralFlowDb db, Guid taskId) => db.Tasks.AsNoTracking().Single(t => t.Id == taskId).Outcomes[0];

    private static async Task<Guid> OpenTaskAsync(RuntimeHarness harness, Guid referralId)
    {
        await using var db = harness.Open();
        return await db.Tasks.Where(t => t.ReferralId == referralId && t.Status == WorkTaskStatus.Open).Select(t => t.Id).SingleAsync();
    }

    private static async Task<string> SnapshotAsync(ReferralFlowDb db) => string.Join("|",
        await db.Referrals.AsNoTracking().Select(r => r.StateJson + r.Revision).SingleAsync(),
        await db.Tasks.CountAsync(), await db.HandOffs.CountAsync(), await db.Timers.CountAsync(),
        await db.OutboxMessages.CountAsync(), await db.History.CountAsync(), await db.Incidents.CountAsync());

    private sealed class FailOnTaskInsert : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken ct = default) =>
            InsertsTask(command) ? throw new InvalidOperationException("simulated failure while committing") : ValueTask.FromResult(result);

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken ct = default) =>
            InsertsTask(command) ? throw new InvalidOperationException("simulated failure while committing") : ValueTask.FromResult(result);

        private static bool InsertsTask(DbCommand command) =>
            command.CommandText.Replace("\"", "").Contains("INSERT INTO tasks ", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Runs a competing change once, just before the first save reaches the database.</summary>
    private sealed class CompeteOnce(Func<Task> competitor) : SaveChangesInterceptor
    {
        private bool done;

        public bool Done => done;

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
        {
            if (!done)
            {
                done = true;
                await competitor();
            }
            return result;
        }
    }
}
