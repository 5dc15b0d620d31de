using ReferralFlow.Core.Acting;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core;
using ReferralFlow.Core.CaseRecords;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.Monitoring;
using ReferralFlow.Core.Outbox;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Replies;
using ReferralFlow.Core.Tasks;
using ReferralFlow.Tests.Persistence;

namespace ReferralFlow.Tests.CaseRecords;

/// <summary>Monitoring reports (issue 4 §5): recorded by staff or through the reply page, on the procedure's monthly
/// schedule; a re-trafficking risk flag alerts coordinator and focal point at once, whichever way the report came.</summary>
public class MonitoringReportTests
{
    private static readonly DateOnly ContactDay = new(2027, 2, 3);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_staff_report_with_a_risk_flag_answers_the_monthly_request_and_alerts_coordinator_and_focal_point_at_once(string provider)
    {
        await using var h = await RecordsHarness.CreateAsync(provider, "monitoring-staff-risk");
        var (monitoring, handOffId) = await h.MonitoringAwaitingReportAsync();
        var at = h.Now;

        var recorded = await Reports(h).RecordAsync(monitoring.CaseCode, new ReportInput(ContactDay, "ADPARE caseworker", "serious-concerns",
            "counselling twice a week", RiskFlag: true, RiskDetails: "recruiter seen near the family home"), default);

        Assert.Equal(handOffId, recorded.AnsweredHandOff);
        await using var db = h.Open();
        Assert.Equal(("risk-flagged", HandOffChannels.Phone), await db.HandOffs.Where(x => x.Id == handOffId).Select(x => new ValueTuple<string?, string?>(x.Outcome, x.Channel)).SingleAsync());
        Assert.True(await db.Tasks.AnyAsync(t => t.ReferralId == monitoring.Id && t.StepId == "respond-to-risk" && t.Status == WorkTaskStatus.Open));
        await AssertAlertedAsync(db, monitoring.Id, at);
        var report = await db.MonitoringReports.SingleAsync();
        Assert.DoesNotContain("recruiter", report.RiskDetailsProtected);
        Assert.DoesNotContain("counselling", report.ServicesProtected);
        Assert.Equal("recruiter seen near the family home", h.Protector.Unprotect(report.RiskDetailsProtected!));
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "monitoring-report.recorded" && e.ReferralId == monitoring.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_risk_flagged_answer_on_the_reply_page_alerts_coordinator_and_focal_point_at_once(string provider)
    {
        await using var h = await RecordsHarness.CreateAsync(provider, "monitoring-reply-risk");
        var (monitoring, handOffId) = await h.MonitoringAwaitingReportAsync();
        var token = await TokenAsync(h, handOffId, "risk-flagged");

        var result = await new ReplySubmission(h.Runtime.Runtime, h.Protector, h.Runtime.Clock).SubmitAsync(token, new Dictionary<string, string?>
        {
            ["reportDate"] = "2027-02-03", ["wellbeing"] = "serious-concerns", ["servicesReceived"] = "none",
            ["riskDetails"] = "debt to the recruiter mentioned",
        }, default);

        Assert.IsType<ReplyResult.Recorded>(result);
        await using var db = h.Open();
        await AssertAlertedAsync(db, monitoring.Id, h.Now);
    }

    [Fact]
    public async Task A_risk_flag_answered_by_staff_on_the_partners_behalf_also_alerts_and_a_received_report_does_not()
    {
        await using var h = await RecordsHarness.CreateAsync("sqlite", "monitoring-handoff-risk");
        var first = await h.StartAsync("monitoring");
        var second = await h.StartAsync("monitoring");
        await h.AdvanceToAsync(h.Now.AddMonths(1));
        Guid firstHandOff, secondHandOff;
        await using (var open = h.Open())
        {
            firstHandOff = await open.HandOffs.Where(x => x.ReferralId == first.Id).Select(x => x.Id).SingleAsync();
            secondHandOff = await open.HandOffs.Where(x => x.ReferralId == second.Id).Select(x => x.Id).SingleAsync();
        }

        await h.Runtime.Runtime.AnswerHandOffAsync(firstHandOff, "received", new Dictionary<string, JsonNode?>(), Actor.Operator("caseworker"), HandOffChannels.Phone);
        await h.Runtime.Runtime.AnswerHandOffAsync(secondHandOff, "risk-flagged", new Dictionary<string, JsonNode?>(), Actor.Operator("caseworker"), HandOffChannels.Phone);

        await using var db = h.Open();
        Assert.Equal(0, await db.OutboxMessages.CountAsync(m => m.ReferralId == first.Id && m.StepId == StaffAlert.ReTraffickingRisk));
        await AssertAlertedAsync(db, second.Id, h.Now);
    }

    [Fact]
    public async Task An_extra_report_between_requests_is_kept_and_its_risk_flag_still_alerts()
    {
        await using var h = await RecordsHarness.CreateAsync("sqlite", "monitoring-extra");
        var (monitoring, handOffId) = await h.MonitoringAwaitingReportAsync();
        var first = await Reports(h).RecordAsync(monitoring.Id.ToString(), new ReportInput(ContactDay, "ADPARE", "well", "vocational course"), default);
        Assert.Equal(handOffId, first.AnsweredHandOff);

        var extra = await Reports(h).RecordAsync(monitoring.CaseCode, new ReportInput(ContactDay.AddDays(5), "Regional NAATIP centre", "some-concerns",
            "none", RiskFlag: true, RiskDetails: "stopped attending the course", Channel: HandOffChannels.InPerson), default);

        Assert.Null(extra.AnsweredHandOff);
        await using var db = h.Open();
        await AssertAlertedAsync(db, monitoring.Id, h.Now);
        Assert.Equal(2, await db.MonitoringReports.CountAsync());
    }

    [Fact]
    public async Task The_report_list_joins_reply_page_and_staff_reports_and_shows_contents_only_with_an_audited_read()
    {
        await using var h = await RecordsHarness.CreateAsync("sqlite", "monitoring-list");
        var parent = await h.StartAsync("transnational-return");
        await h.Runtime.Driver(TimeSpan.FromDays(32), "monthly-report").RunAsync();
        await using (var db = h.Open())
        {
            var handOff = await db.HandOffs.SingleAsync(x => x.StepId == "monthly-report" && x.AnsweredAt == null);
            var token = await TokenAsync(h, handOff.Id, "received");
            Assert.IsType<ReplyResult.Recorded>(await new ReplySubmission(h.Runtime.Runtime, h.Protector, h.Runtime.Clock).SubmitAsync(token,
                new Dictionary<string, string?> { ["reportDate"] = "2027-02-01", ["wellbeing"] = "well", ["servicesReceived"] = "housing support" }, default));
        }
        // Named by the parent referral's case code: the report goes to its monitoring follow-up.
        await Reports(h).RecordAsync(parent.CaseCode, new ReportInput(DateOnly.FromDateTime(h.Now.UtcDateTime), "ADPARE", "some-concerns", "psychological counselling"), default);

        await using (var db = h.Open())
        {
            var plain = await MonitoringReportList.ForAsync(db, parent.CaseCode, h.Protector, false, RecordsHarness.Staff, h.Now, default);
            Assert.Equal(["reply-link:well", "staff (phone):some-concerns"], plain.Select(r => $"{r.Source}:{r.Wellbeing}"));
            Assert.All(plain, r => Assert.Null(r.ServicesReceived));
            Assert.Equal(0, await db.AuditEntries.CountAsync(e => e.Action == "monitoring-reports.read"));
            var full = await MonitoringReportList.ForAsync(db, parent.CaseCode, h.Protector, true, RecordsHarness.Staff, h.Now, default);
            Assert.Equal(["housing support", "psychological counselling"], full.Select(r => r.ServicesReceived));
        }
        await using (var db = h.Open())
            Assert.Equal(2, (await db.AuditEntries.SingleAsync(e => e.Action == "monitoring-reports.read")).Detail!.Split(", ").Length);
    }

    [Fact]
    public async Task A_report_with_a_risk_flag_but_no_details_is_refused_and_changes_nothing()
    {
        await using var h = await RecordsHarness.CreateAsync("sqlite", "monitoring-refused");
        var (monitoring, handOffId) = await h.MonitoringAwaitingReportAsync();

        var error = await Assert.ThrowsAsync<ReferralFlowException>(() => Reports(h).RecordAsync(monitoring.CaseCode,
            new ReportInput(ContactDay, "ADPARE", "fine", "none", RiskFlag: true), default));

        Assert.Equal("--wellbeing must be one of well, some-concerns, serious-concerns; --risk needs --risk-details: describe the signs, so that the coordinator can act on them.", error.Message);
        await using var db = h.Open();
        Assert.Null((await db.HandOffs.SingleAsync(x => x.Id == handOffId)).AnsweredAt);
        Assert.Equal(0, await db.MonitoringReports.CountAsync());
        Assert.Equal(0, await db.OutboxMessages.CountAsync(m => m.StepId == StaffAlert.ReTraffickingRisk));
    }

    private static MonitoringReports Reports(RecordsHarness h) => new(h.Runtime.Runtime, h.Protector, RecordsHarness.Staff, h.Runtime.Clock);

    private static async Task AssertAlertedAsync(Core.Persistence.ReferralFlowDb db, Guid referralId, DateTimeOffset at)
    {
        var alerts = await db.OutboxMessages.Where(m => m.ReferralId == referralId && m.StepId == StaffAlert.ReTraffickingRisk).ToListAsync();
        Assert.Equal([Recipients.Coordinator, Recipients.FocalPoint], alerts.Select(m => m.Recipient).Order());
        Assert.All(alerts, m => Assert.Equal((OutboxKinds.Escalation, at, at), (m.Kind, m.CreatedAt, m.NextAttemptAt)));
        var history = await db.History.SingleAsync(e => e.ReferralId == referralId && e.Kind == RecordHistory.StaffAlerted);
        Assert.Equal(at, history.At);
        Assert.StartsWith("re-trafficking risk reported", history.Detail);
    }

    private static async Task<string> TokenAsync(RecordsHarness h, Guid handOffId, string outcome)
    {
        var links = new ReplyLinks(new Uri("https://referrals.example.org/"), h.Runtime.Library, h.Runtime.Clock);
        await using var db = h.Open();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var issued = await links.IssueAsync(db, handOffId, null, CancellationToken.None);
        await transaction.CommitAsync();
        var url = issued.Single(l => l.Outcome == outcome).Url;
        return url[(url.LastIndexOf('/') + 1)..];
    }
}
