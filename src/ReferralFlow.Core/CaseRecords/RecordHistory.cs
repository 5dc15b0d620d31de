using ReferralFlow.Core.History;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Core.CaseRecords;

/// <summary>History kinds of the case records, and the one way they write a history line: tracked, so it commits
/// with the change it describes. Details name kinds, statuses and ids, never personal data.</summary>
public static class RecordHistory
{
    public const string DocumentAdded = "document-added";
    public const string DocumentStatus = "document-status";
    public const string RequirementAdded = "document-requirement-added";
    public const string RequirementRemoved = "document-requirement-removed";
    public const string RequirementTicked = "document-requirement-ticked";
    public const string DocumentDueReset = "document-due-reset";
    public const string CostRecorded = "travel-cost-recorded";
    public const string EscortLegPlanned = "escort-leg-planned";
    public const string MonitoringReport = "monitoring-report-recorded";
    public const string StaffAlerted = "staff-alerted";
    public const string Reopened = "referral-reopened";
    public const string Continues = "referral-continues";

    public static void Add(ReferralFlowDb db, Guid referralId, string kind, DateTimeOffset at, string actor, string? detail, string? stepId = null) =>
        db.History.Add(new HistoryEntry { ReferralId = referralId, At = at, Kind = kind, StepId = stepId, Detail = detail, Actor = actor });
}
