using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core;
using ReferralFlow.Core.Acting;
using ReferralFlow.Core.CaseEvents;
using ReferralFlow.Core.CaseRecords;
using ReferralFlow.Core.Outbox;
using ReferralFlow.Core.Partners;
using ReferralFlow.Tests.CaseRecords;
using ReferralFlow.Tests.Partners;

namespace ReferralFlow.Tests.CaseEvents;

/// <summary>A missing or absconded person (issue 9 §6): recorded, the case suspended; for a child, the coordinator,
/// the guardian's organisation and the corridor's police are alerted at once, with nothing personal in the alert.</summary>
public class MissingPersonTests
{
    private static readonly Actor Caseworker = Actor.Operator("caseworker");

    [Fact]
    public async Task A_missing_child_alerts_coordinator_guardian_organisation_and_police_at_once_and_suspends_the_case()
    {
        await using var h = await RecordsHarness.CreateAsync("sqlite", "case-missing-child");
        await Directories.ImportDemoAsync(h.Runtime.Database);
        var child = await h.StartAsync("child-return");
        await using (var db = h.Open())
        {
            await PartnerAssignments.AssignAsync(db, h.Runtime.Library, child.Id, "child-protection", "de-jugendamt-heilbronn", "test", h.Now);
            await PartnerAssignments.AssignAsync(db, h.Runtime.Library, child.Id, "investigating-police", "de-bka", "test", h.Now);
        }

        var result = await new CaseEventActions(h.Runtime.Runtime, h.Runtime.Clock).RecordMissingAsync(child.Id, "absconded", Caseworker);

        Assert.Equal([Recipients.Coordinator, "child-protection", "investigating-police"], result.Alerted);
        await using (var db = h.Open())
        {
            var alerts = await db.OutboxMessages.Where(m => m.ReferralId == child.Id && m.Template == StaffAlert.MissingChild).ToListAsync();
            Assert.Equal(["child-protection", Recipients.Coordinator, "investigating-police"], alerts.Select(a => a.Recipient).Order());
            Assert.All(alerts, a => Assert.Equal((OutboxKinds.Escalation, h.Now), (a.Kind, a.NextAttemptAt)));
            Assert.True(await Suspensions.IsSuspendedAsync(db, child.Id, default));
            Assert.Equal(["missing:absconded", "suspended:person-missing"],
                (await db.Set<CaseEvent>().Where(e => e.ReferralId == child.Id).ToListAsync()).OrderBy(e => e.Kind).Select(e => $"{e.Kind}:{e.Code}"));
            Assert.True(await db.History.AnyAsync(e => e.ReferralId == child.Id && e.Kind == RecordHistory.StaffAlerted));
        }

        // Each alert resolves through the directory to the organisation playing the role, and says only the case code and what happened.
        var book = new DirectoryAddressBook();
        await using (var db = h.Open())
        {
            Assert.Equal("de-jugendamt-heilbronn", await KeyOfAsync(db, (await book.ResolveAsync(db, child.Id, "child-protection", null, default))!));
            Assert.Equal("de-bka", await KeyOfAsync(db, (await book.ResolveAsync(db, child.Id, "investigating-police", null, default))!));
        }
    }

    [Fact]
    public async Task An_adult_reported_missing_suspends_the_case_without_alerts_and_a_second_report_keeps_the_one_suspension()
    {
        await using var h = await RecordsHarness.CreateAsync("sqlite", "case-missing-adult");
        var actions = new CaseEventActions(h.Runtime.Runtime, h.Runtime.Clock);
        var adult = await h.StartAsync();

        var first = await actions.RecordMissingAsync(adult.Id, "missing", Caseworker);
        var second = await actions.RecordMissingAsync(adult.Id, "absconded", Caseworker);
        var wrong = await Assert.ThrowsAsync<ReferralFlowException>(() => actions.RecordMissingAsync(adult.Id, "kidnapped by her uncle", Caseworker));

        Assert.Empty(first.Alerted);
        Assert.Equal("the referral was already suspended", second.Note);
        Assert.Contains("use one of absconded, missing", wrong.Message);
        Assert.DoesNotContain("uncle", wrong.Message);
        await using var db = h.Open();
        Assert.Equal(1, await db.Set<CaseSuspension>().CountAsync(s => s.ReferralId == adult.Id));
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.Template == StaffAlert.MissingChild));
    }

    private static async Task<string> KeyOfAsync(Core.Persistence.ReferralFlowDb db, Addressee addressee) =>
        await db.Contacts.Where(c => c.Id == addressee.ContactId)
            .Join(db.Organisations, c => c.OrganisationId, o => o.Id, (c, o) => o.Key).SingleAsync();
}
