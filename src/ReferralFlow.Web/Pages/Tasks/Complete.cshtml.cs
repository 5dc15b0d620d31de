using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core;
using ReferralFlow.Core.Definitions;
using ReferralFlow.Core.Forms;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Protection;
using ReferralFlow.Core.Runtime;
using ReferralFlow.Core.Tasks;
using ReferralFlow.Engine.Execution;
using ReferralFlow.Engine.Forms;
using ReferralFlow.Web.Forms;
using ReferralFlow.Web.Hosting;
using ReferralFlow.Web.SignIn;
using ReferralFlow.Core.Access;

namespace ReferralFlow.Web.Pages.Tasks;

/// <summary>
/// One open task with its form: the fields the form file declares, checked on the server on every post (all problems
/// listed, the values typed kept, nothing saved), then stored encrypted with the completion.
/// </summary>
public sealed class CompleteModel(
    ReferralFlowDb db, ReferralRuntime runtime, WorkflowLibrary library, ReferralFlowSettings settings, StaffAccess access) : PageModel
{
    public const string Prefix = "form:";

    public WorkTask? Task { get; private set; }
    public string CaseCode { get; private set; } = "";
    public FormDefinition? Form { get; private set; }
    public IReadOnlyList<VariableField> Facts { get; private set; } = [];
    public IReadOnlyList<FormProblem> Problems { get; private set; } = [];
    public string? Error { get; private set; }
    public JsonObject Values { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, string? outcome, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        try
        {
            var data = SubmittedValues.Read(Request.Form, Facts);
            if (Form is null)
                await runtime.CompleteTaskAsync(id, outcome ?? "", data, PageActor.For(HttpContext), ct);
            else
            {
                Values = Read(Form, Request.Form);
                var check = FormValidation.Check(Form, Values);
                if (!check.IsValid)
                {
                    Problems = check.Problems;
                    return Page();
                }
                await Forms().CompleteAsync(id, outcome ?? "", data, Values, PageActor.For(HttpContext), ct);
            }
        }
        catch (Exception e) when (e is ReferralFlowException or WorkflowInputException)
        {
            Error = e.Message;
            return Page();
        }
        TempData["Message"] = $"'{Task!.Title}' completed: {Display.Words(outcome ?? "")}.";
        return RedirectToPage("/Referrals/Detail", new { id = Task.ReferralId });
    }

    public string Text(string field) => Values[field] is JsonValue v ? v.ToString() : "";

    public bool Chosen(string field, string option) =>
        Values[field] is JsonArray list ? list.Any(i => i?.ToString() == option) : Text(field) == option;

    public IEnumerable<string> ProblemsOf(string field) => Problems.Where(p => p.Field == field).Select(p => p.Message);

    private TaskForms Forms() => HttpContext.RequestServices.GetRequiredService<TaskForms>();

    /// <summary>Typed values from the post; what does not parse stays text, so the form check names the field.</summary>
    private static JsonObject Read(FormDefinition form, IFormCollection posted)
    {
        var values = new JsonObject();
        foreach (var field in form.Fields)
        {
            var raw = posted[Prefix + field.Name];
            if (field.Type == FieldType.Multichoice)
            {
                var chosen = raw.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => (JsonNode?)JsonValue.Create(v!)).ToArray();
                if (chosen.Length > 0) values[field.Name] = new JsonArray(chosen);
                continue;
            }
            var text = raw.ToString().Trim();
            if (text.Length == 0) continue;
            values[field.Name] = field.Type switch
            {
                FieldType.Number when decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
                FieldType.Boolean when bool.TryParse(text, out var flag) => JsonValue.Create(flag),
                _ => JsonValue.Create(text),
            };
        }
        return values;
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var row = await db.Tasks.AsNoTracking().Where(t => t.Id == id && t.Status == WorkTaskStatus.Open)
            .Join(db.Referrals.AsNoTracking(), t => t.ReferralId, r => r.Id, (t, r) => new { Task = t, r.CaseCode, r.WorkflowId, r.WorkflowVersion })
            .SingleOrDefaultAsync(ct);
        // A task the user may not complete does not exist for them.
        if (row is null || !await ReferralAccess.MayActOnAsync(db, access.Member, row.Task, ct)) return false;
        Task = row.Task;
        CaseCode = row.CaseCode;
        try
        {
            Form = Task.Form is null ? null : new FormLibrary(settings.WorkflowsDirectory).Get(Task.Form);
        }
        catch (ReferralFlowException e)
        {
            Error = e.Message;
        }
        var fedByForm = Form?.Fields.Select(f => f.Variable).OfType<string>().ToHashSet() ?? [];
        Facts = [.. VariableField.For(await library.GetAsync(db, row.WorkflowId, row.WorkflowVersion, ct), Task.StepId)
            .Where(f => !fedByForm.Contains(f.Name))];
        return true;
    }
}
