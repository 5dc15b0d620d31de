using System.Text.Json.Nodes;
using ReferralFlow.Core.Arrival;
using ReferralFlow.Core.Documents;
using ReferralFlow.Core.Escort;
using ReferralFlow.Core.Monitoring;
using ReferralFlow.Core.Travel;

namespace ReferralFlow.Core.Export;

/// <summary>Documents, travel costs, the escort plan, the arrival and the monitoring reports, through the features' own
/// readers with everything revealed: those readers audit what they decrypt, as they do for a caseworker.</summary>
public sealed class CaseRecordsSection : IExportSection
{
    public string Name => "records";

    public async Task<JsonNode?> ReadAsync(ExportContext context, CancellationToken ct)
    {
        var (db, reference) = (context.Db, context.ReferralId.ToString());
        var records = new JsonObject
        {
            ["documents"] = ExportContext.Node(await DocumentList.ForAsync(db, reference, context.Protector, context.Actor, context.At, ct)),
            ["travelCosts"] = ExportContext.Node(await TravelCosts.ListAsync(db, reference, ct)),
            ["escortLegs"] = ExportContext.Node(await new EscortPlan(db, context.Protector, new AssessedPregnancy(context.Protector),
                new AirTravelLimits(), context.Actor, context.At).PlanAsync(reference, revealContacts: true, ct)),
            ["arrival"] = ExportContext.Node(await ArrivalRecord.ShowAsync(db, context.Protector, reference, context.Actor, context.At, ct)),
        };
        if (await MonitoringReports.HasMonitoringAsync(db, context.ReferralId, ct))
            records["monitoringReports"] = ExportContext.Node(
                await MonitoringReportList.ForAsync(db, reference, context.Protector, true, context.Actor, context.At, ct));
        return records;
    }
}
