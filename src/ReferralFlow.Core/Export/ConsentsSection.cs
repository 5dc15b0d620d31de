using System.Text.Json.Nodes;
using ReferralFlow.Core.Consent;

namespace ReferralFlow.Core.Export;

/// <summary>Every consent that counts for the referral, withdrawn ones included: an access request asks what the
/// person agreed to, and when that ended.</summary>
public sealed class ConsentsSection : IExportSection
{
    public string Name => "consents";

    public async Task<JsonNode?> ReadAsync(ExportContext context, CancellationToken ct) =>
        ExportContext.Node(await ConsentList.OfAsync(context.Db, context.ReferralId, context.At, ct));
}
