using ReferralFlow.Core.Acting;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core;
using ReferralFlow.Core.CaseRecords;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Core.Reopening;
using ReferralFlow.Core.Runtime;

namespace ReferralFlow.Tests.CaseRecords;

/// <summary>A closed referral reopened by a court appearance (issue 4 §5, phase 13): it continues on the court-appearance
/// procedure with its history intact and the reopening audited; every other case is refused with a reason.</summary>
public class ReopeningTests
{
    [Fact]
    public async Task A_closed_referral_continues_on_a_court_appearance_with_its_history_and_partners_intact()
    {
        await using var h = await RecordsHarness.CreateAsync("sqlite", "reopen");
        var closed = await ClosedReturnAsync(h);
        var organisation = new Organisation { Id = Guid.NewGuid(), Key = "adpare", Name = "ADPARE", Kind = "ngo", Country = "RO" };
        List<(long, string, string?)> historyBefore;
        await using (var db = h.Open())
        {
            db.Organisations.Add(organisation);
            db.PartnerAssignments.Add(new PartnerAssignment { ReferralId = closed.Id, Role = "receiving", OrganisationId = organisation.Id, AssignedAt = h.Now, AssignedBy = "test" });
            await db.SaveChangesAsync();
            historyBefore = [.. (await db.History.Where(e => e.ReferralId == closed.Id).OrderBy(e => e.Id).ToListAsync()).Select(e => (e.Id, e.Kind, e.Detail))];
        }
        h.Runtime.Clock.Advance(TimeSpan.FromDays(365));

        var reopened = await Reopen(h).ReopenAsync(closed.CaseCode, "court-appearance", Hearing(h), default);

        await using (var db = h.Open())
        {
            var original = await db.Referrals.SingleAsync(r => r.Id == closed.Id);
            Assert.Equal((ReferralStatus.Closed, "returned"), (original.Status, original.Outcome));
            var continuation = await db.Referrals.SingleAsync(r => r.Id == reopened.ContinuationId);
            // One case, one code: its monitoring and its reopening carry the code the partners know (issue 9 §4).
            Assert.Equal(closed.CaseCode, await db.Referrals.Where(r => r.ParentReferralId == closed.Id && r.WorkflowId == "monitoring").Select(r => r.CaseCode).SingleAsync());
            Assert.Equal((closed.CaseCode, closed.CaseCode, 3), (reopened.ContinuationCaseCode, continuation.CaseCode, continuation.CasePart));
            Assert.Equal(("court-appearance", ReferralStatus.Active, (Guid?)closed.Id, (Guid?)null),
                (continuation.WorkflowId, continuation.Status, continuation.ParentReferralId, continuation.ParentTokenId));
            var historyAfter = await db.History.Where(e => e.ReferralId == closed.Id).OrderBy(e => e.Id).ToListAsync();
            Assert.Equal(historyBefore, historyAfter.Take(historyBefore.Count).Select(e => (e.Id, e.Kind, e.Detail)));
            var added = Assert.Single(historyAfter.Skip(historyBefore.Count));
            Assert.Equal((RecordHistory.Reopened, h.Now), (added.Kind, added.At));
            Assert.Contains(reopened.ContinuationCaseCode, added.Detail);
            Assert.True(await db.History.AnyAsync(e => e.ReferralId == continuation.Id && e.Kind == RecordHistory.Continues && e.Detail!.Contains(closed.CaseCode)));
            var audit = await db.AuditEntries.SingleAsync(e => e.Action == "referral.reopened");
            Assert.Equal((closed.Id, "coordinator", "cli"), (audit.ReferralId!.Value, audit.Actor, audit.Source));
            // The court appearance asks the organisation that received the person, found through the closed referral.
            Assert.Equal(organisation.Id, (await PartnerAssignments.OrganisationForAsync(db, continuation.Id, "receiving"))!.Id);
            Assert.True(await db.HandOffs.AnyAsync(x => x.ReferralId == continuation.Id && x.StepId == "inform-person"));
        }

        // The continuation runs to its end; the reopened referral stays closed and untouched.
        await h.Runtime.Driver().RunAsync();
        await using (var db = h.Open())
        {
            Assert.Equal((ReferralStatus.Closed, "testified"), await db.Referrals.Where(r => r.Id == reopened.ContinuationId).Select(r => new ValueTuple<ReferralStatus, string?>(r.Status, r.Outcome)).SingleAsync());
            Assert.Equal((ReferralStatus.Closed, "returned"), await db.Referrals.Where(r => r.Id == closed.Id).Select(r => new ValueTuple<ReferralStatus, string?>(r.Status, r.Outcome)).SingleAsync());
            Assert.Equal(0, await db.Incidents.CountAsync());
        }
    }

    [Fact]
    public async Task Reopening_is_refused_for_other_procedures_open_or_withdrawn_referrals_follow_ups_and_a_running_continuation()
    {
        await using var h = await RecordsHarness.CreateAsync("sqlite", "reopen-refused");
        var closed = await ClosedReturnAsync(h);
        var active = await h.StartAsync();
        var withdrawn = await h.StartAsync();
        await h.Runtime.Runtime.WithdrawAsync(withdrawn.Id, Actor.Operator("test"));
        Guid monitoring;
        await using (var db = h.Open())
            monitoring = await db.Referrals.Where(r => r.ParentReferralId == closed.Id && r.WorkflowId == "monitoring").Select(r => r.Id).SingleAsync();
        var snapshot = await CountsAsync(h);

        async Task<string> Refused(string reference, string workflow) =>
            (await Assert.ThrowsAsync<ReferralFlowException>(() => Reopen(h).ReopenAsync(reference, workflow, Hearing(h), default))).Message;

        Assert.StartsWith("Only a court appearance reopens a closed referral", await Refused(closed.CaseCode, "transnational-return"));
        Assert.Contains("is still active: only a closed referral is reopened", await Refused(active.CaseCode, "court-appearance"));
        Assert.Contains("was withdrawn, not closed", await Refused(withdrawn.CaseCode, "court-appearance"));
        // The monitoring shares the case's code, which names the referral that drew it; by its id it is refused.
        Assert.Equal($"{closed.CaseCode} is a part (monitoring) of referral {closed.CaseCode}: reopen {closed.CaseCode} instead.", await Refused(monitoring.ToString(), "court-appearance"));
        Assert.Equal(snapshot, await CountsAsync(h));

        var first = await Reopen(h).ReopenAsync(closed.CaseCode, "court-appearance", Hearing(h), default);
        Assert.Equal($"Referral {closed.CaseCode} is already reopened: its court appearance {first.ContinuationCaseCode} is still running.",
            await Refused(closed.CaseCode, "court-appearance"));
    }

    private static Reopening Reopen(RecordsHarness h) => new(h.Runtime.Runtime, Actor.Operator("coordinator"), h.Runtime.Clock);

    private static Dictionary<string, JsonNode?> Hearing(RecordsHarness h) =>
        new() { ["court.hearingAt"] = JsonValue.Create(h.Now.AddDays(21).ToString("O")) };

    /// <summary>A transnational return run to its end (one month of monitoring, to keep it short).</summary>
    private static async Task<StartedReferral> ClosedReturnAsync(RecordsHarness h)
    {
        var started = await h.Runtime.Runtime.StartAsync("transnational-return",
            new Dictionary<string, JsonNode?> { ["monitoring.months"] = JsonValue.Create(1) }, Actor.Operator("test"));
        await h.Runtime.Driver().RunAsync();
        await using var db = h.Open();
        Assert.Equal(ReferralStatus.Closed, (await db.Referrals.SingleAsync(r => r.Id == started.Id)).Status);
        return started;
    }

    private static async Task<string> CountsAsync(RecordsHarness h)
    {
        await using var db = h.Open();
        return $"{await db.Referrals.CountAsync()} {await db.Referrals.SumAsync(r => r.Revision)} {await db.History.CountAsync()} {await db.AuditEntries.CountAsync()}";
    }
}
