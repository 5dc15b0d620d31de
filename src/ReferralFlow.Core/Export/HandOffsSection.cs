using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.HandOffs;

namespace ReferralFlow.Core.Export;

/// <summary>Every request to a partner, open or closed, with how and when it was answered.</summary>
public sealed class HandOffsSection : IExportSection
{
    public string Name => "handOffs";

    public async Task<JsonNode?> ReadAsync(ExportContext context, CancellationToken ct)
    {
        var handOffs = await context.Db.HandOffs.AsNoTracking().Where(h => h.ReferralId == context.ReferralId)
            .OrderBy(h => h.CreatedAt).ThenBy(h => h.Id).ToListAsync(ct);
        return new JsonArray([.. handOffs.Select(h => (JsonNode)new JsonObject
        {
            ["id"] = h.Id.ToString(),
            ["step"] = h.StepId,
            ["partnerRole"] = h.Partner,
            ["request"] = h.Request,
            ["status"] = HandOffStatusCodes.ToCode(h.Status),
            ["requestedAt"] = ExportFields.Instant(h.CreatedAt),
            ["dueAt"] = ExportFields.Instant(h.DueAt),
            ["answeredAt"] = ExportFields.Instant(h.AnsweredAt),
            ["outcome"] = h.Outcome,
            ["channel"] = h.Channel,
        })]);
    }
}
