using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Audit;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Protection;

namespace ReferralFlow.Core.Monitoring;

public sealed record ReportView(Guid Id, string Source, DateOnly? ReportDate, string ReportedBy, string? Wellbeing, bool RiskFlag,
    DateTimeOffset RecordedAt, string? ServicesReceived, string? RiskDetails);

/// <summary>
/// A referral's monitoring reports, however they came: answers on the reply page's monitoring-report form (kept in
/// reply_answers by Replies/ReplySubmission) and reports recorded by staff. What the person received and the signs
/// of risk are shown only when asked for, and each report shown so writes an audit entry.
/// </summary>
public static class MonitoringReportList
{
    public static async Task<IReadOnlyList<ReportView>> ForAsync(ReferralFlowDb db, string referralReference,
        PersonalDataProtector? revealWith, AuditActor actor, DateTimeOffset now, CancellationToken ct)
    {
        var monitoring = await MonitoringReports.MonitoringOfOrClosedAsync(db, referralReference, ct);
        var views = new List<ReportView>();
        var replies = await (
                from a in db.ReplyAnswers join h in db.HandOffs on a.HandOffId equals h.Id
                where h.ReferralId == monitoring.Id && h.Request == ReTraffickingAlert.Request
                select new { a.Id, a.Outcome, a.AnswerJson, a.AnsweredAt, h.AnsweredBy })
            .AsNoTracking().ToListAsync(ct);
        foreach (var reply in replies.Where(r => r.Outcome is "received" or ReTraffickingAlert.RiskOutcome))
        {
            var answer = JsonNode.Parse(reply.AnswerJson)!.AsObject();
            var reveal = revealWith is not null;
            if (reveal) AuditTrail.Record(db, actor, "monitoring-report.read", monitoring.Id, $"reply answer {reply.Id}", now);
            views.Add(new ReportView(reply.Id, "reply-link",
                DateOnly.TryParse(answer["reportDate"]?.GetValue<string>(), out var date) ? date : null,
                reply.AnsweredBy ?? "partner (reply link)", answer["wellbeing"]?.GetValue<string>(),
                reply.Outcome == ReTraffickingAlert.RiskOutcome, reply.AnsweredAt,
                reveal ? answer["servicesReceived"]?.GetValue<string>() : null, reveal ? answer["riskDetails"]?.GetValue<string>() : null));
        }
        foreach (var r in await db.MonitoringReports.AsNoTracking().Where(r => r.ReferralId == monitoring.Id).ToListAsync(ct))
        {
            var reveal = revealWith is not null;
            if (reveal) AuditTrail.Record(db, actor, "monitoring-report.read", monitoring.Id, $"monitoring report {r.Id}", now);
            views.Add(new ReportView(r.Id, $"staff ({r.Channel})", r.ReportDate, r.ReportedBy, r.Wellbeing, r.RiskFlag, r.RecordedAt,
                reveal ? revealWith!.Unprotect(r.ServicesProtected) : null,
                reveal && r.RiskDetailsProtected is { } d ? revealWith!.Unprotect(d) : null));
        }
        await db.SaveChangesAsync(ct);
        return [.. views.OrderBy(v => v.ReportDate).ThenBy(v => v.RecordedAt)];
    }
}
