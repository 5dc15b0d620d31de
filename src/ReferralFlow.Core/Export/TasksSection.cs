using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace ReferralFlow.Core.Export;

/// <summary>The caseworkers' tasks of the referral with their outcomes.</summary>
public sealed class TasksSection : IExportSection
{
    public string Name => "tasks";

    public async Task<JsonNode?> ReadAsync(ExportContext context, CancellationToken ct)
    {
        var tasks = await context.Db.Tasks.AsNoTracking().Where(t => t.ReferralId == context.ReferralId)
            .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).ToListAsync(ct);
        return new JsonArray([.. tasks.Select(t => (JsonNode)new JsonObject
        {
            ["id"] = t.Id.ToString(),
            ["step"] = t.StepId,
            ["title"] = t.Title,
            ["role"] = t.Role,
            ["status"] = t.Status.ToString().ToLowerInvariant(),
            ["createdAt"] = ExportFields.Instant(t.CreatedAt),
            ["dueAt"] = ExportFields.Instant(t.DueAt),
            ["closedAt"] = ExportFields.Instant(t.ClosedAt),
            ["outcome"] = t.Outcome,
            ["closedBy"] = t.ClosedBy,
        })]);
    }
}
