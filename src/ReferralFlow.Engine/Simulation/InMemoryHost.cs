using System.Text.Json.Nodes;
using ReferralFlow.Engine.Definitions;
using ReferralFlow.Engine.Execution;

namespace ReferralFlow.Engine.Simulation;

/// <summary>
/// Runs referrals of a catalog entirely in memory, committing each engine pass the way the database host
/// does: the pass works on a copy of the state, and only a pass that succeeds replaces the state and applies
/// its effects. Child referrals, and the parents waiting on them, are driven within the same call.
/// </summary>
public sealed partial class InMemoryHost(DefinitionCatalog catalog, VirtualClock clock)
{
    private const string Coordinator = "coordinator";

    private readonly WorkflowRunner runner = new(clock);
    private readonly Dictionary<Guid, HostedInstance> instances = [];
    private readonly List<HostedTask> tasks = [];
    private readonly List<HostedHandOff> handOffs = [];
    private readonly List<PendingTimer> timers = [];
    private readonly List<QueuedMessage> messages = [];
    private readonly List<Incident> incidents = [];
    private readonly List<JournalEntry> journal = [];
    private readonly Queue<Action> followUps = new();
    private long timerSequence;

    public VirtualClock Clock => clock;
    public DefinitionCatalog Catalog => catalog;
    public IReadOnlyCollection<HostedInstance> Instances => instances.Values;
    public IReadOnlyList<HostedTask> Tasks => tasks;
    public IReadOnlyList<HostedTask> OpenTasks => [.. tasks.Where(t => t.IsOpen)];
    public IReadOnlyList<HostedHandOff> HandOffs => handOffs;
    public IReadOnlyList<HostedHandOff> OpenHandOffs => [.. handOffs.Where(h => h.IsOpen)];
    public IReadOnlyList<PendingTimer> Timers => [.. timers.OrderBy(t => t.DueAt).ThenBy(t => t.Sequence)];
    public IReadOnlyList<QueuedMessage> Messages => messages;
    public IReadOnlyList<Incident> Incidents => incidents;
    public IReadOnlyList<JournalEntry> Journal => journal;
    public DateTimeOffset? NextTimerDueAt => timers.Count == 0 ? null : timers.Min(t => t.DueAt);

    public HostedInstance Instance(Guid referralId) =>
        instances.GetValueOrDefault(referralId) ?? throw new WorkflowInputException($"Referral {referralId} is not known.");

    public IReadOnlyList<HistoryEvent> History(Guid referralId) => Instance(referralId).History;

    public Guid Start(string workflowId, IReadOnlyDictionary<string, JsonNode?>? input = null)
    {
        var id = Guid.CreateVersion7(clock.GetUtcNow());
        StartInstance(id, Latest(workflowId), input ?? new Dictionary<string, JsonNode?>(), null, null);
        Drain();
        return id;
    }

    public void CompleteTask(Guid taskId, string outcome, IReadOnlyDictionary<string, JsonNode?>? data = null)
    {
        var task = tasks.FirstOrDefault(t => t.Id == taskId && t.IsOpen)
            ?? throw new WorkflowInputException($"Task {taskId} is not open.");
        Resume(Instance(task.ReferralId), new CompleteTask(taskId, outcome, data ?? Empty, task.Role));
    }

    public void AnswerHandOff(Guid handOffId, string outcome, IReadOnlyDictionary<string, JsonNode?>? data = null, string channel = "email")
    {
        var handOff = handOffs.FirstOrDefault(h => h.Id == handOffId && h.IsOpen)
            ?? throw new WorkflowInputException($"Hand-off {handOffId} is not awaiting an answer.");
        Resume(Instance(handOff.ReferralId), new AnswerHandOff(handOffId, outcome, data ?? Empty, handOff.Partner, channel));
    }

    public void Withdraw(Guid referralId)
    {
        var instance = Instance(referralId);
        if (!instance.IsActive)
            throw new WorkflowInputException($"Referral {referralId} is already {instance.Status.ToString().ToLowerInvariant()}.");
        Resume(instance, new Withdraw(Coordinator));
    }

    public void RetryIncidents(Guid referralId) => Resume(Instance(referralId), new RetryIncidents(Coordinator));

    /// <summary>Fires every timer due by now, earliest first, including timers those firings schedule already due.</summary>
    public int FireDueTimers()
    {
        var fired = 0;
        while (NextTimer(clock.GetUtcNow()) is { } timer)
        {
            Fire(timer);
            fired++;
        }
        return fired;
    }

    /// <summary>Moves the clock to <paramref name="at"/>, stopping at each timer's due time to fire it then.</summary>
    public int AdvanceTo(DateTimeOffset at)
    {
        if (at < clock.GetUtcNow()) clock.AdvanceTo(at); // refuses, with the clock's message
        var fired = 0;
        while (NextTimer(at) is { } timer)
        {
            if (timer.DueAt > clock.GetUtcNow()) clock.AdvanceTo(timer.DueAt);
            Fire(timer);
            fired++;
        }
        clock.AdvanceTo(at);
        return fired;
    }

    public int Advance(TimeSpan period) => AdvanceTo(clock.GetUtcNow() + period);

    private static readonly IReadOnlyDictionary<string, JsonNode?> Empty = new Dictionary<string, JsonNode?>();

    private PendingTimer? NextTimer(DateTimeOffset dueBy) =>
        timers.Where(t => t.DueAt <= dueBy).OrderBy(t => t.DueAt).ThenBy(t => t.Sequence).FirstOrDefault();

    private void Fire(PendingTimer timer)
    {
        timers.Remove(timer);
        if (instances.GetValueOrDefault(timer.ReferralId) is { IsActive: true } instance)
            Resume(instance, new FireTimer(timer.Id, timer.TokenId, timer.Purpose, timer.Rung));
    }

    private WorkflowDefinition Latest(string workflowId) =>
        catalog.Latest(workflowId)
        ?? throw new WorkflowInputException($"There is no procedure '{workflowId}' in the catalog.");
}
