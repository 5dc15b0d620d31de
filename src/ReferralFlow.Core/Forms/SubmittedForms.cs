using ReferralFlow.Core.Acting;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Audit;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Protection;

namespace ReferralFlow.Core.Forms;

/// <summary>One submitted field: its label as the form says today (the name when the field has since gone).</summary>
public sealed record SubmittedField(string Name, string Label, JsonNode? Value);

/// <summary>A submitted form, decrypted for the person allowed to read it.</summary>
public sealed record SubmittedForm(
    Guid Id, Guid ReferralId, Guid TaskId, string Step, string FormId, string Title, DateTimeOffset SubmittedAt,
    string SubmittedBy, IReadOnlyList<SubmittedField> Fields);

/// <summary>Reading a task's submitted form: decrypts it and audits the read ("form.read") in the same save.</summary>
public static class SubmittedForms
{
    public const string Read = "form.read";

    public static async Task<SubmittedForm?> ReadAsync(ReferralFlowDb db, PersonalDataProtector protector, FormLibrary forms,
        Guid taskId, Actor actor, DateTimeOffset at, CancellationToken ct = default)
    {
        var row = await db.FormSubmissions.AsNoTracking().Where(s => s.TaskId == taskId)
            .Join(db.Tasks.AsNoTracking(), s => s.TaskId, t => t.Id, (s, t) => new { Submission = s, t.StepId })
            .SingleOrDefaultAsync(ct);
        if (row is null) return null;
        var submission = row.Submission;
        var values = JsonNode.Parse(protector.Unprotect(submission.ProtectedJson))!.AsObject();
        AuditTrail.Record(db, actor, Read, submission.ReferralId, $"form {submission.FormId} {submission.Id}", at);
        await db.SaveChangesAsync(ct);

        Engine.Forms.FormDefinition? form = null;
        try
        {
            form = forms.Get(submission.FormId);
        }
        catch (ReferralFlowException)
        {
            // The form file has since gone or broken: the stored values still read, under their names.
        }
        var fields = form is null
            ? values.Select(v => new SubmittedField(v.Key, v.Key, v.Value?.DeepClone())).ToList()
            : [.. form.Fields.Where(f => values.ContainsKey(f.Name)).Select(f => new SubmittedField(f.Name, f.Label, values[f.Name]?.DeepClone())),
               .. values.Where(v => form.Field(v.Key) is null).Select(v => new SubmittedField(v.Key, v.Key, v.Value?.DeepClone()))];
        return new SubmittedForm(submission.Id, submission.ReferralId, submission.TaskId, row.StepId, submission.FormId,
            form?.Title ?? submission.FormId, submission.SubmittedAt, submission.SubmittedBy, fields);
    }
}
