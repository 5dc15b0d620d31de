using ReferralFlow.Core.Acting;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Audit;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Protection;
using ReferralFlow.Core.Runtime;
using ReferralFlow.Core.Tasks;
using ReferralFlow.Engine.Execution;
using ReferralFlow.Engine.Forms;

namespace ReferralFlow.Core.Forms;

/// <summary>
/// Completes a task with its form filled in. In ONE transaction: the submission is checked against the form (every
/// problem listed, nothing saved when any), stored encrypted, audited ("form.submitted"), and the task completes with
/// the values of the fields that feed variables merged into its data — so the procedure never runs on a form that
/// was not saved, nor is a form saved for a step that did not complete.
/// </summary>
public sealed class TaskForms(ReferralRuntime runtime, FormLibrary forms, PersonalDataProtector protector, TimeProvider clock)
{
    public const string Submitted = "form.submitted";

    public FormLibrary Forms => forms;

    /// <summary>The form a task shows, or null when its step names none.</summary>
    public async Task<FormDefinition?> FormOfAsync(Guid taskId, CancellationToken ct = default)
    {
        await using var db = runtime.OpenDb();
        var formId = await db.Tasks.Where(t => t.Id == taskId).Select(t => t.Form).SingleOrDefaultAsync(ct);
        return formId is null ? null : forms.Get(formId);
    }

    /// <returns>The id of the stored submission.</returns>
    public Task<Guid> CompleteAsync(Guid taskId, string outcome, IReadOnlyDictionary<string, JsonNode?> data,
        JsonObject submission, Actor actor, CancellationToken ct = default) =>
        Transactions.RunAsync(runtime.OpenDb, actor, async unit =>
        {
            var db = unit.Db;
            var task = await db.Tasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId, ct)
                ?? throw new ReferralFlowException($"No task {taskId}; list open tasks with 'referralflow tasks list'.");
            if (task.Status != WorkTaskStatus.Open)
                throw new ReferralFlowException($"Task '{task.Title}' is already {task.Status.ToString().ToLowerInvariant()}; nothing was saved.");
            if (task.Form is null)
                throw new ReferralFlowException($"Task '{task.Title}' (step '{task.StepId}') shows no form; complete it without one.");
            var form = forms.Get(task.Form);
            var check = FormValidation.Check(form, submission);
            if (!check.IsValid) throw new ReferralFlowException(check.Describe(form));
            var now = clock.GetUtcNow();
            var id = Guid.CreateVersion7(now);
            db.FormSubmissions.Add(new FormSubmission
            {
                Id = id, ReferralId = task.ReferralId, TaskId = task.Id, FormId = form.Id, SubmittedAt = now,
                SubmittedBy = actor.Name, ProtectedJson = protector.Protect(check.Values.ToJsonString()),
            });
            AuditTrail.Record(db, actor, Submitted, task.ReferralId, $"form {form.Id} {id}", now, $"task {task.StepId}");
            await runtime.ResumeInAsync(unit, task.ReferralId,
                new CompleteTask(taskId, outcome, WithVariables(form, check.Values, data), actor.Name), ct);
            // A pregnancy recorded (or no longer recorded) re-plans the warning before the last week of air travel.
            if (form.Id == RiskAssessments.FormId)
                await CaseEvents.AirTravelWarning.OnRiskAssessmentAsync(unit, task.ReferralId, check.Values, now, ct);
            return id;
        }, ct);

    /// <summary>The step's data plus the values of the fields that feed variables; the same variable from both is refused.</summary>
    private static Dictionary<string, JsonNode?> WithVariables(FormDefinition form, JsonObject values, IReadOnlyDictionary<string, JsonNode?> data)
    {
        var merged = new Dictionary<string, JsonNode?>(data);
        foreach (var field in form.Fields.Where(f => f.Variable is not null && values.ContainsKey(f.Name)))
            if (!merged.TryAdd(field.Variable!, values[field.Name]!.DeepClone()))
                throw new ReferralFlowException(
                    $"'{field.Variable}' is set both by the data and by the form's field '{field.Name}'; set it in one place.");
        return merged;
    }
}
