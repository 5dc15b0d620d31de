using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Acting;
using ReferralFlow.Core.Consent;
using ReferralFlow.Core.Definitions;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.Runtime;
using ReferralFlow.Core.Tasks;
using ReferralFlow.Engine.Conditions;
using ReferralFlow.Engine.Definitions;
using ReferralFlow.Engine.Simulation;

namespace ReferralFlow.Core.Rehearsal;

/// <summary>
/// Drives referrals in a real database along their expected path: every open task and hand-off is answered
/// with its first (expected) outcome; when nothing is open, the virtual clock jumps to the next timer.
/// Steps named in <see cref="Silent"/> are never answered, so their reminders and escalations fire. A request the
/// consent gate holds is released the expected way: the person's consent (the guardian's, for a child) is recorded.
/// Used by the engine benchmark and by the end-to-end tests.
/// </summary>
public sealed class ExpectedPathDriver(ReferralRuntime runtime, WorkflowLibrary library, VirtualClock clock, TimerWorker worker)
{
    /// <summary>Who the rehearsal's history and audit entries name.</summary>
    public static readonly Actor Rehearsing = Actor.System("rehearsal", "rehearsal");

    public IReadOnlySet<string> Silent { get; init; } = new HashSet<string>();

    /// <summary>Stop once the clock passes this point (a silent step can leave timers far in the future).</summary>
    public TimeSpan Horizon { get; init; } = TimeSpan.FromDays(3 * 365);

    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var end = clock.GetUtcNow() + Horizon;
        var answered = 0;
        while (true)
        {
            var work = await OpenWorkAsync(ct);
            foreach (var item in work)
            {
                if (item.Consent is { } consent)
                    await ConsentRecording.RecordAsync(runtime.OpenDb, clock, consent, Rehearsing, ct);
                // The path is the subject, not what the forms say: the rehearsal's own way past them (internal).
                else if (item.IsTask) await runtime.CompleteTaskWithoutFormAsync(item.Id, item.Outcome, item.Data, Rehearsing, ct);
                else await runtime.AnswerHandOffAsync(item.Id, item.Outcome, item.Data, Rehearsing, HandOffChannels.Email, ct);
                answered++;
            }
            if (work.Count > 0) continue;
            await using var db = runtime.OpenDb();
            var next = await db.Timers.OrderBy(t => t.DueAt).Select(t => (DateTimeOffset?)t.DueAt).FirstOrDefaultAsync(ct);
            if (next is null || next > end) return answered;
            if (next > clock.GetUtcNow()) clock.AdvanceTo(next.Value);
            await worker.DrainAsync(ct);
        }
    }

    private sealed record Work(bool IsTask, Guid Id, string Outcome, IReadOnlyDictionary<string, JsonNode?> Data, ConsentInput? Consent = null);

    private async Task<List<Work>> OpenWorkAsync(CancellationToken ct)
    {
        await using var db = runtime.OpenDb();
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.Status == WorkTaskStatus.Open)
            .Join(db.Referrals, t => t.ReferralId, r => r.Id, (t, r) => new { t.Id, t.StepId, t.Outcomes, r.WorkflowId, r.WorkflowVersion })
            .ToListAsync(ct);
        HandOffStatus[] open = [HandOffStatus.Requested, HandOffStatus.Received, HandOffStatus.Accepted, HandOffStatus.InProgress];
        var handOffs = await db.HandOffs.AsNoTracking().Where(h => open.Contains(h.Status))
            .Join(db.Referrals, h => h.ReferralId, r => r.Id, (h, r) => new { h.Id, h.StepId, h.Outcomes, r.WorkflowId, r.WorkflowVersion })
            .ToListAsync(ct);
        var held = await db.HeldRequests.AsNoTracking().Where(h => h.Status == HeldRequestStatus.Held).ToDictionaryAsync(h => h.TaskId, ct);
        var work = new List<Work>();
        foreach (var t in tasks.Where(t => !Silent.Contains(t.StepId)))
        {
            if (held.TryGetValue(t.Id, out var request))
            {
                var giver = await ChildStatus.IsChildAsync(db, request.ReferralId, ct) ? ConsentGivers.Guardian : ConsentGivers.Person;
                work.Add(new(true, t.Id, t.Outcomes[0], new Dictionary<string, JsonNode?>(),
                    new ConsentInput(request.ReferralId, request.OrganisationId.ToString(), request.Purpose, "written", giver, GuardianCosigned: false)));
                continue;
            }
            work.Add(new(true, t.Id, t.Outcomes[0], await DataAsync(db, t.WorkflowId, t.WorkflowVersion, t.StepId, ct)));
        }
        foreach (var h in handOffs.Where(h => !Silent.Contains(h.StepId)))
            work.Add(new(false, h.Id, h.Outcomes[0], await DataAsync(db, h.WorkflowId, h.WorkflowVersion, h.StepId, ct)));
        return work;
    }

    /// <summary>Plausible values for the variables a step sets, so later conditions and deadlines have facts.</summary>
    private async Task<IReadOnlyDictionary<string, JsonNode?>> DataAsync(
        Persistence.ReferralFlowDb db, string workflowId, int version, string stepId, CancellationToken ct)
    {
        var definition = await library.GetAsync(db, workflowId, version, ct);
        // A task of the case itself (CaseEvents/CaseTasks) is no step of the procedure and sets nothing.
        var sets = definition.Steps.FirstOrDefault(s => s.Id == stepId) switch
        {
            TaskStep s => s.Sets,
            PartnerRequestStep s => s.Sets,
            _ => [],
        };
        return sets.ToDictionary(name => name, name => Plausible(definition.Variables[name]));
    }

    private JsonNode? Plausible(VariableDefinition variable) => variable.Type switch
    {
        VariableType.String => JsonValue.Create(variable.Values?.FirstOrDefault() ?? VariableFormats.Example(variable.Format) ?? "recorded"),
        VariableType.Number => JsonValue.Create(variable.Default is decimal d ? d : 1m),
        VariableType.Boolean => JsonValue.Create(variable.Default is bool b ? b : true),
        _ => JsonValue.Create(clock.GetUtcNow().AddDays(14).ToString("O", CultureInfo.InvariantCulture)),
    };
}
