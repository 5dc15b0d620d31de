using ReferralFlow.Core.Definitions;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Protection;
using ReferralFlow.Core.Rehearsal;
using ReferralFlow.Core.Runtime;
using ReferralFlow.Engine.Simulation;
using ReferralFlow.Tests.Infrastructure;
using ReferralFlow.Tests.Persistence;

namespace ReferralFlow.Tests.Runtime;

/// <summary>A migrated database of one provider with a published workflows folder, a virtual clock, a runtime, and a
/// protector with keys of its own (for what partners type on the reply page).</summary>
public sealed class RuntimeHarness : IAsyncDisposable
{
    // A Monday morning, so business-day deadlines are easy to read in failures.
    public static readonly DateTimeOffset Start = new(2027, 1, 4, 9, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory keys = new("rf-keys");

    private RuntimeHarness(TestDatabase database, VirtualClock clock)
    {
        Protector = PersonalDataProtector.ForKeys(keys.Path);
        Database = database;
        Clock = clock;
        Runtime = new ReferralRuntime(database.Open, Library, clock, Protector);
        Worker = new TimerWorker(Runtime, clock, "test-worker");
    }

    public TestDatabase Database { get; }
    public VirtualClock Clock { get; }
    public WorkflowLibrary Library { get; } = new();
    public ReferralRuntime Runtime { get; }
    public TimerWorker Worker { get; }
    public PersonalDataProtector Protector { get; }
    public string KeysFolder => keys.Path;

    public static string RepositoryWorkflows => Path.Combine(RepositoryRoot(), "workflows");

    public static async Task<RuntimeHarness> CreateAsync(string provider, string name, string? workflowsDirectory = null)
    {
        var database = await TestDatabase.MigratedAsync(provider, name);
        var harness = new RuntimeHarness(database, new VirtualClock(Start));
        await harness.PublishAsync(workflowsDirectory ?? RepositoryWorkflows);
        return harness;
    }

    public async Task PublishAsync(string directory)
    {
        await using var db = Open();
        await WorkflowLibrary.PublishAsync(db, directory, Clock.GetUtcNow());
    }

    public ReferralFlowDb Open() => Database.Open();

    public ExpectedPathDriver Driver(params string[] silent) => Driver(TimeSpan.FromDays(400), silent);

    /// <summary>A driver that stops once only silent steps remain and no timer falls within the horizon.</summary>
    public ExpectedPathDriver Driver(TimeSpan horizon, params string[] silent) =>
        new(Runtime, Library, Clock, Worker) { Silent = silent.ToHashSet(), Horizon = horizon };

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        keys.Dispose();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ReferralFlow.sln"))) return dir.FullName;
        throw new InvalidOperationException("ReferralFlow.sln not found above the test folder.");
    }
}
