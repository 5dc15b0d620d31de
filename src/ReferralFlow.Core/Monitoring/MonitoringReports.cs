using ReferralFlow.Core.Acting;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Audit;
using ReferralFlow.Core.CaseRecords;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Protection;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Core.Replies;
using ReferralFlow.Core.Runtime;
using ReferralFlow.Engine.Execution;

namespace ReferralFlow.Core.Monitoring;

public sealed record ReportInput(DateOnly ReportDate, string ReportedBy, string Wellbeing, string ServicesReceived, bool RiskFlag = false,
    string? RiskDetails = null, string Channel = HandOffChannels.Phone);

/// <summary>What staff recorded: the report, and the monthly request it answered (null when none was waiting).</summary>
public sealed record RecordedReport(MonitoringReport Report, string MonitoringCaseCode, Guid? AnsweredHandOff);

/// <summary>
/// Staff record a monitoring report (issue 4 §5). When the monitoring procedure is waiting for this month's report,
/// the report answers that request in the same transaction — on schedule, as if the partner had used the link — so
/// the procedure moves on (and a risk flag starts its respond-to-risk task); otherwise it is an extra report. A risk
/// flag alerts coordinator and focal point at once either way (<see cref="ReTraffickingAlert"/>).
/// </summary>
public sealed class MonitoringReports(ReferralRuntime runtime, PersonalDataProtector protector, Actor actor, TimeProvider clock)
{
    private const string Received = "received";

    public async Task<RecordedReport> RecordAsync(string referralReference, ReportInput input, CancellationToken ct)
    {
        Check(input);
        return await Transactions.RunAsync(runtime.OpenDb, actor, async unit =>
        {
            var db = unit.Db;
            var now = clock.GetUtcNow();
            var referral = await MonitoringOfAsync(db, referralReference, ct);
            var waiting = await db.HandOffs.AsNoTracking()
                .Where(h => h.ReferralId == referral.Id && h.Request == ReTraffickingAlert.Request && h.AnsweredAt == null)
                .ToListAsync(ct);
            var open = waiting.Where(h => h.IsOpen).OrderBy(h => h.CreatedAt).FirstOrDefault();
            var report = new MonitoringReport
            {
                Id = Guid.CreateVersion7(now), ReferralId = referral.Id, HandOffId = open?.Id, ReportDate = input.ReportDate,
                ReportedBy = input.ReportedBy.Trim(), Wellbeing = input.Wellbeing, ServicesProtected = protector.Protect(input.ServicesReceived.Trim()),
                RiskFlag = input.RiskFlag, RiskDetailsProtected = input.RiskDetails is { Length: > 0 } details ? protector.Protect(details.Trim()) : null,
                Channel = input.Channel, RecordedAt = now, RecordedBy = actor.Name,
            };
            db.MonitoringReports.Add(report);
            RecordHistory.Add(db, referral.Id, RecordHistory.MonitoringReport, now, actor.Name,
                $"report of {input.ReportDate:yyyy-MM-dd} by {input.Channel}: {input.Wellbeing}{(input.RiskFlag ? ", re-trafficking risk flagged" : "")} (report {report.Id})");
            AuditTrail.Record(db, actor, "monitoring-report.recorded", referral.Id, $"monitoring report {report.Id}", now);
            await db.SaveChangesAsync(ct);
            if (open is not null)
                // The runtime's answer hook raises the risk alert for a risk-flagged answer.
                await runtime.ResumeInAsync(unit, referral.Id, new AnswerHandOff(open.Id, input.RiskFlag ? ReTraffickingAlert.RiskOutcome : Received,
                    new Dictionary<string, JsonNode?>(), actor.Name, input.Channel), ct);
            else if (input.RiskFlag)
                ReTraffickingAlert.Raise(db, referral.Id, now, actor.Name, $"report recorded by staff, {input.Channel}");
            return new RecordedReport(report, referral.CaseCode, open?.Id);
        }, ct);
    }

    /// <summary>The running monitoring referral a caseworker means: reports go to the follow-up procedure, whose
    /// schedule they answer.</summary>
    public static async Task<Referral> MonitoringOfAsync(ReferralFlowDb db, string reference, CancellationToken ct)
    {
        var (named, monitoring) = await FindAsync(db, reference, ct);
        if (monitoring.Status != ReferralStatus.Active)
            throw new ReferralFlowException($"The monitoring of {named.CaseCode} ({monitoring.CaseCode}) is {monitoring.Status.ToString().ToLowerInvariant()}: no more reports are recorded on it.");
        return monitoring;
    }

    /// <summary>The monitoring referral named, or the monitoring descendant of the referral named (the running one
    /// first, else the latest), also when it has closed.</summary>
    public static async Task<Referral> MonitoringOfOrClosedAsync(ReferralFlowDb db, string reference, CancellationToken ct) =>
        (await FindAsync(db, reference, ct)).Monitoring;

    /// <summary>Whether the referral is a monitoring referral or has one among its descendants.</summary>
    public static async Task<bool> HasMonitoringAsync(ReferralFlowDb db, Guid referralId, CancellationToken ct)
    {
        for (var level = new List<Guid> { referralId }; level.Count > 0;)
        {
            if (await db.Referrals.AnyAsync(r => level.Contains(r.Id) && r.WorkflowId == "monitoring", ct)) return true;
            level = await db.Referrals.Where(r => r.ParentReferralId != null && level.Contains(r.ParentReferralId.Value)).Select(r => r.Id).ToListAsync(ct);
        }
        return false;
    }

    private static async Task<(Referral Named, Referral Monitoring)> FindAsync(ReferralFlowDb db, string reference, CancellationToken ct)
    {
        var named = await RecordedReferral.FindAsync(db, reference, ct);
        var found = new List<Referral>();
        for (var level = new List<Referral> { named }; level.Count > 0;)
        {
            found.AddRange(level.Where(r => r.WorkflowId == "monitoring"));
            var ids = level.Select(r => r.Id).ToList();
            level = await db.Referrals.Where(r => r.ParentReferralId != null && ids.Contains(r.ParentReferralId.Value)).ToListAsync(ct);
        }
        var monitoring = found.OrderBy(r => r.Status == ReferralStatus.Active ? 0 : 1).ThenByDescending(r => r.StartedAt).FirstOrDefault()
            ?? throw new ReferralFlowException($"Referral {named.CaseCode} has no monitoring follow-up yet: reports are recorded once its monitoring procedure has started.");
        return (named, monitoring);
    }

    private static void Check(ReportInput input)
    {
        var problems = new List<string>();
        if (ReplyForms.Wellbeing.All(w => w.Value != input.Wellbeing))
            problems.Add($"--wellbeing must be one of {string.Join(", ", ReplyForms.Wellbeing.Select(w => w.Value))}");
        if (string.IsNullOrWhiteSpace(input.ReportedBy) || input.ReportedBy.Trim().Length > ReplyFormCheck.MaxText)
            problems.Add($"--by must name the reporting organisation or role in 1 to {ReplyFormCheck.MaxText} characters");
        if (string.IsNullOrWhiteSpace(input.ServicesReceived) || input.ServicesReceived.Length > ReplyFormCheck.MaxLongText)
            problems.Add("--services must list the services received since the last report (\"none\" if there were none)");
        if (input.RiskFlag && string.IsNullOrWhiteSpace(input.RiskDetails))
            problems.Add("--risk needs --risk-details: describe the signs, so that the coordinator can act on them");
        if (!input.RiskFlag && input.RiskDetails is not null)
            problems.Add("--risk-details is only for a report with --risk");
        if (!new[] { HandOffChannels.Phone, HandOffChannels.InPerson, HandOffChannels.Email }.Contains(input.Channel))
            problems.Add("--channel must be phone, in-person or email");
        if (problems.Count > 0) throw new ReferralFlowException(string.Join("; ", problems) + ".");
    }
}
