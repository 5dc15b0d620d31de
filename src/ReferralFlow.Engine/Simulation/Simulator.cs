using ReferralFlow.Engine.Definitions;
using ReferralFlow.Engine.Execution;

namespace ReferralFlow.Engine.Simulation;

/// <summary>
/// A rehearsal for coordinators: runs a procedure on a virtual clock, answering tasks and requests as the
/// script says (by default: the expected outcome, on time), and returns the dated timeline of what happens.
/// </summary>
public sealed class Simulator(DefinitionCatalog catalog, TimeProvider? today = null)
{
    // A loop answered after zero time never reaches the horizon; this many events means it is such a loop.
    private const int MaxEvents = 100_000;

    public SimulationResult Run(string workflowId, SimulationScript? script = null)
    {
        script ??= new SimulationScript();
        var top = catalog.Latest(workflowId) ?? throw new WorkflowInputException(
            $"There is no procedure '{workflowId}'; known procedures: {string.Join(", ", catalog.All.Select(d => d.Id).Distinct())}.");
        ScriptCheck.Validate(script, top, catalog);

        var start = script.Start ?? DefaultStart();
        var clock = new VirtualClock(start);
        var host = new InMemoryHost(catalog, clock);
        var horizonEnd = script.Horizon.AddTo(start);
        var plan = new AnswerPlan(script, host);
        var referralId = host.Start(workflowId, script.Input);
        for (var events = 0; ; events++)
        {
            plan.Discover();
            var referral = host.Instance(referralId);
            if (!referral.IsActive)
                return Result(host, top, start, SimulationStop.Ended, referral.Outcome,
                    $"ended '{referral.Outcome}' on {SimulationScript.Iso(clock.GetUtcNow())}, {Days(start, clock.GetUtcNow())} after the start");
            if (events > MaxEvents)
                throw new SimulationScriptException([$"{script.Source}: more than {MaxEvents} answers and timers before the horizon: " +
                    "a loop is answered with no time passing; give its step a positive 'after'"]);
            var answer = plan.Next();
            var timerAt = host.NextTimerDueAt;
            if (answer is null && timerAt is null)
                return Result(host, top, start, SimulationStop.Stuck, null,
                    $"stopped on {SimulationScript.Iso(clock.GetUtcNow())}: nothing more will happen; {Waiting(host)}");
            var next = answer is null ? timerAt!.Value : timerAt is { } t && t < answer.At ? t : answer.At;
            if (next > horizonEnd)
            {
                host.AdvanceTo(horizonEnd);
                return Result(host, top, start, SimulationStop.HorizonPassed, null,
                    $"stopped at the horizon {script.Horizon} ({SimulationScript.Iso(horizonEnd)}) with the referral still open; {Waiting(host)}");
            }
            // On a tie the answer comes first: whoever answers at the very deadline is still on time.
            if (answer is not null && answer.At == next)
            {
                if (answer.At > clock.GetUtcNow()) clock.AdvanceTo(answer.At);
                plan.Give(answer);
            }
            else host.AdvanceTo(next);
        }
    }

    private DateTimeOffset DefaultStart()
    {
        var date = (today ?? TimeProvider.System).GetUtcNow().UtcDateTime.Date;
        return new DateTimeOffset(date.AddHours(9), TimeSpan.Zero);
    }

    private static SimulationResult Result(
        InMemoryHost host, WorkflowDefinition top, DateTimeOffset start, SimulationStop stop, string? outcome, string reason) =>
        new(top.Id, start, host.Clock.GetUtcNow(), stop, outcome, reason, [.. host.Journal.Select(e => Entry(host, e))]);

    private static TimelineEntry Entry(InMemoryHost host, JournalEntry entry)
    {
        var e = entry.Event;
        var detail = e.Kind switch
        {
            "task-created" when host.Tasks.FirstOrDefault(t => Opened(t.ReferralId, t.StepId, t.OpenedAt)) is { } t =>
                Due(t.Role, t.DueAt),
            "handoff-requested" when host.HandOffs.FirstOrDefault(h => Opened(h.ReferralId, h.StepId, h.OpenedAt)) is { } h =>
                Due($"{h.Partner}: {h.Request}", h.DueAt),
            _ => e.Detail,
        };
        return new TimelineEntry(e.At, entry.WorkflowId, e.StepId, e.Kind, detail);

        bool Opened(Guid referralId, string stepId, DateTimeOffset at) =>
            referralId == entry.ReferralId && stepId == e.StepId && at == e.At;
    }

    private static string Due(string who, DateTimeOffset? dueAt) =>
        dueAt is { } due ? $"{who}, due {SimulationScript.Iso(due)}" : who;

    private static string Waiting(InMemoryHost host)
    {
        var waiting = host.OpenTasks.Where(t => host.Instance(t.ReferralId).IsActive)
            .Select(t => $"task '{t.StepId}' ({t.Role}) in {host.Instance(t.ReferralId).WorkflowId}")
            .Concat(host.OpenHandOffs.Where(h => host.Instance(h.ReferralId).IsActive)
                .Select(h => $"request '{h.StepId}' to {h.Partner} in {host.Instance(h.ReferralId).WorkflowId}"))
            .Concat(host.Incidents.Select(i => $"incident at step '{i.StepId}' in {host.Instance(i.ReferralId).WorkflowId}: {i.Message}"))
            .ToList();
        return waiting.Count == 0 ? "nothing is open" : "open: " + string.Join("; ", waiting);
    }

    private static string Days(DateTimeOffset from, DateTimeOffset to)
    {
        var days = (int)Math.Round((to - from).TotalDays);
        return days == 1 ? "1 day" : $"{days} days";
    }
}
