using ReferralFlow.Core.Acting;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Audit;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Protection;
using ReferralFlow.Core.Replies;

namespace ReferralFlow.Core.Monitoring;

public sealed record ReportView(Guid Id, string Source, DateOnly? ReportDate, string ReportedBy, string? Wellbeing, bool RiskFlag,
    DateTimeOffset RecordedAt, string? ServicesReceived, string? RiskDetails);

/// <summary>
/// A referral's monitoring reports, however they came: answers on the reply page's monitoring-report form (kept in
/// reply_answers by Replies/ReplySubmission) and reports recorded by staff. What the person received and the signs
/// of risk are shown only when asked for (<paramref name="reveal"/>), and such a read writes one audit entry naming each
/// report shown. A reply-page answer is stored whole and encrypted, so listing even its date and wellbeing decrypts it;
/// without <paramref name="reveal"/> nothing else of it leaves this method (staff reports keep those two in clear), and
/// the list is not audited.
/// </summary>
public static class MonitoringReportList
{
    public static async Task<IReadOnlyList<ReportView>> ForAsync(ReferralFlowDb db, string referralReference,
        PersonalDataProtector protector, bool reveal, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        var monitoring = await MonitoringReports.MonitoringOfOrClosedAsync(db, referralReference, ct);
        var views = new List<ReportView>();
        var read = new List<string>();
        var replies = await (
                from a in db.ReplyAnswers join h in db.HandOffs on a.HandOffId equals h.Id
                where h.ReferralId == monitoring.Id && h.Request == ReTraffickingAlert.Request
                select new { a.Id, a.Outcome, a.ProtectedAnswer, a.AnsweredAt, h.AnsweredBy })
            .AsNoTracking().ToListAsync(ct);
        foreach (var reply in replies.Where(r => r.Outcome is "received" or ReTraffickingAlert.RiskOutcome))
        {
            var answer = ReplyAnswer.Open(reply.ProtectedAnswer, protector);
            if (reveal) read.Add(ReplyAnswerReads.Subject(reply.Id));
            views.Add(new ReportView(reply.Id, "reply-link",
                DateOnly.TryParse(answer["reportDate"]?.GetValue<string>(), out var date) ? date : null,
                reply.AnsweredBy ?? "partner (reply link)", answer["wellbeing"]?.GetValue<string>(),
                reply.Outcome == ReTraffickingAlert.RiskOutcome, reply.AnsweredAt,
                reveal ? answer["servicesReceived"]?.GetValue<string>() : null, reveal ? answer["riskDetails"]?.GetValue<string>() : null));
        }
        foreach (var r in await db.MonitoringReports.AsNoTracking().Where(r => r.ReferralId == monitoring.Id).ToListAsync(ct))
        {
            if (reveal) read.Add($"monitoring report {r.Id}");
            views.Add(new ReportView(r.Id, $"staff ({r.Channel})", r.ReportDate, r.ReportedBy, r.Wellbeing, r.RiskFlag, r.RecordedAt,
                reveal ? protector.Unprotect(r.ServicesProtected) : null,
                reveal && r.RiskDetailsProtected is { } d ? protector.Unprotect(d) : null));
        }
        if (read.Count > 0)
        {
            AuditTrail.Record(db, actor, "monitoring-reports.read", monitoring.Id, $"monitoring reports of referral {monitoring.Id}", now, string.Join(", ", read));
            await db.SaveChangesAsync(ct);
        }
        return [.. views.OrderBy(v => v.ReportDate).ThenBy(v => v.RecordedAt)];
    }
}
