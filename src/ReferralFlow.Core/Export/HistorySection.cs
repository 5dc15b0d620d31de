using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace ReferralFlow.Core.Export;

/// <summary>The referral's history in the order it was written.</summary>
public sealed class HistorySection : IExportSection
{
    public string Name => "history";

    public async Task<JsonNode?> ReadAsync(ExportContext context, CancellationToken ct)
    {
        var entries = await context.Db.History.AsNoTracking().Where(h => h.ReferralId == context.ReferralId)
            .OrderBy(h => h.Id).ToListAsync(ct);
        return new JsonArray([.. entries.Select(h => (JsonNode)new JsonObject
        {
            ["at"] = ExportFields.Instant(h.At),
            ["kind"] = h.Kind,
            ["step"] = h.StepId,
            ["detail"] = h.Detail,
            ["actor"] = h.Actor,
        })]);
    }
}
