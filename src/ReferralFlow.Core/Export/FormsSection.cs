using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace ReferralFlow.Core.Export;

/// <summary>The forms caseworkers submitted (risk and needs assessment, safety plan …), decrypted, with their values
/// under the forms' own field names.</summary>
public sealed class FormsSection : IExportSection
{
    public string Name => "forms";

    public async Task<JsonNode?> ReadAsync(ExportContext context, CancellationToken ct)
    {
        var submissions = (await context.Db.FormSubmissions.AsNoTracking().Where(s => s.ReferralId == context.ReferralId)
            .OrderBy(s => s.SubmittedAt).ThenBy(s => s.Id).ToListAsync(ct)).Where(s => !context.LeftOutForms.Contains(s.FormId));
        return new JsonArray([.. submissions.Select(s => (JsonNode)new JsonObject
        {
            ["form"] = s.FormId,
            ["taskId"] = s.TaskId.ToString(),
            ["submittedAt"] = ExportFields.Instant(s.SubmittedAt),
            ["submittedBy"] = s.SubmittedBy,
            ["values"] = JsonNode.Parse(context.Protector.Unprotect(s.ProtectedJson)),
        })]);
    }
}
