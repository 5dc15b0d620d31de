using ReferralFlow.Core.Acting;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Audit;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Protection;
using ReferralFlow.Core.Runtime;
using ReferralFlow.Core.Tasks;
using ReferralFlow.Tests.Infrastructure;
using ReferralFlow.Tests.Runtime;

namespace ReferralFlow.Tests.CaseRecords;

/// <summary>A migrated database with the shipped procedures, a virtual clock, a protector with its own keys, and
/// helpers to bring a referral to the point a case record is about.</summary>
internal sealed class RecordsHarness : IAsyncDisposable
{
    public static readonly Actor Staff = Actor.Operator("caseworker");
    private readonly TempDirectory keys = new("rf-keys");

    private RecordsHarness(RuntimeHarness runtime)
    {
        Runtime = runtime;
        Protector = PersonalDataProtector.ForKeys(keys.Path);
    }

    public RuntimeHarness Runtime { get; }
    public PersonalDataProtector Protector { get; }
    public DateTimeOffset Now => Runtime.Clock.GetUtcNow();

    public static async Task<RecordsHarness> CreateAsync(string provider, string name) => new(await RuntimeHarness.CreateAsync(provider, name));

    public ReferralFlowDb Open() => Runtime.Open();

    public Task<StartedReferral> StartAsync(string workflow = "transnational-return") =>
        Runtime.Runtime.StartAsync(workflow, ProcedureRunTests.InputFor(workflow), Actor.Operator("test"));

    public async Task CompleteAsync(Guid referralId, string step, string outcome, params (string Name, string Value)[] data)
    {
        Guid taskId;
        await using (var db = Open())
            taskId = await db.Tasks.Where(t => t.ReferralId == referralId && t.StepId == step && t.Status == WorkTaskStatus.Open)
                .Select(t => t.Id).SingleAsync();
        await Runtime.Runtime.CompleteTaskWithoutFormAsync(taskId, outcome, data.ToDictionary(d => d.Name, d => (JsonNode?)JsonValue.Create(d.Value)), Actor.Operator("test"));
    }

    /// <summary>Fires every timer up to <paramref name="at"/>, in order, as the worker would.</summary>
    public async Task AdvanceToAsync(DateTimeOffset at)
    {
        while (true)
        {
            DateTimeOffset? next;
            await using (var db = Open())
                next = await db.Timers.OrderBy(t => t.DueAt).Select(t => (DateTimeOffset?)t.DueAt).FirstOrDefaultAsync();
            if (next is null || next > at) break;
            if (next > Now) Runtime.Clock.AdvanceTo(next.Value);
            await Runtime.Worker.DrainAsync();
        }
        if (at > Now) Runtime.Clock.AdvanceTo(at);
    }

    /// <summary>A monitoring referral waiting for its first monthly report; returns it and the open hand-off.</summary>
    public async Task<(StartedReferral Monitoring, Guid HandOffId)> MonitoringAwaitingReportAsync()
    {
        var monitoring = await StartAsync("monitoring");
        await AdvanceToAsync(Now.AddMonths(1));
        await using var db = Open();
        var handOff = await db.HandOffs.SingleAsync(h => h.ReferralId == monitoring.Id && h.StepId == "monthly-report" && h.AnsweredAt == null);
        return (monitoring, handOff.Id);
    }

    public async ValueTask DisposeAsync()
    {
        await Runtime.DisposeAsync();
        keys.Dispose();
    }
}
