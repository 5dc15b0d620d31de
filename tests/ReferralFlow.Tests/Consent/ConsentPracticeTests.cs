using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core;
using ReferralFlow.Core.Access;
using ReferralFlow.Core.Acting;
using ReferralFlow.Core.Consent;
using ReferralFlow.Core.Outbox;
using ReferralFlow.Core.Queries;
using ReferralFlow.Tests.Persistence;

namespace ReferralFlow.Tests.Consent;

/// <summary>Issue 9 §5: the form of consent a request needs, who gave it, and sharing on vital interests.</summary>
public class ConsentPracticeTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_step_that_needs_written_consent_stays_held_on_a_verbal_one_and_goes_once_it_is_written(string provider)
    {
        await using var harness = await ConsentHarness.CreateAsync(provider, "consent_written", "written");
        var referral = await harness.StartAsync();
        await harness.ReachRequestAsync(referral.Id);

        var verbal = await harness.RecordAsync(referral.Id, form: "verbal");

        Assert.Equal(0, verbal.Released);
        await using (var db = harness.Runtime.Open())
        {
            Assert.False(await db.OutboxMessages.AnyAsync(m => m.ReferralId == referral.Id && m.Kind == OutboxKinds.Request));
            Assert.Equal(HeldRequestStatus.Held, (await db.HeldRequests.SingleAsync()).Status);
            var task = Assert.Single(await TaskQueries.ListOpenAsync(db, referral.Id));
            Assert.Contains("--form written ", task.Title);
            Assert.DoesNotContain("written|verbal", task.Title);
        }

        var written = await harness.RecordAsync(referral.Id, form: "written");

        Assert.Equal(1, written.Released);
        await using var after = harness.Runtime.Open();
        Assert.Equal((HeldRequestStatus.Released, written.Id), ((await after.HeldRequests.SingleAsync()).Status, (await after.HeldRequests.SingleAsync()).ConsentId));
        Assert.Equal(["written"], (await after.HeldRequests.SingleAsync()).ConsentNeeds);
    }

    [Fact]
    public async Task A_request_opened_under_a_verbal_consent_says_why_it_is_held()
    {
        await using var harness = await ConsentHarness.CreateAsync("sqlite", "consent_written_reason", "written");
        var referral = await harness.StartAsync();
        await harness.RecordAsync(referral.Id, form: "verbal");

        await harness.ReachRequestAsync(referral.Id);

        await using var db = harness.Runtime.Open();
        var task = Assert.Single(await TaskQueries.ListOpenAsync(db, referral.Id));
        Assert.Contains("the consent for 'refer' was given verbally and this request needs it in writing", task.Title);
    }

    [Fact]
    public async Task A_consent_reported_by_a_relative_is_recorded_as_such_and_does_not_count_where_the_persons_own_is_needed()
    {
        await using var harness = await ConsentHarness.CreateAsync("sqlite", "consent_own", "own");
        var referral = await harness.StartAsync();
        await harness.RecordAsync(referral.Id, givenBy: "relative");

        await harness.ReachRequestAsync(referral.Id);

        await using (var db = harness.Runtime.Open())
        {
            var task = Assert.Single(await TaskQueries.ListOpenAsync(db, referral.Id));
            Assert.Contains("the consent for 'refer' was reported by a relative and this request needs the person's own", task.Title);
            var listed = Assert.Single(await ConsentList.OfAsync(db, referral.Id, harness.Now));
            Assert.Equal(("relative", "valid"), (listed.GivenBy, listed.Status));
        }
        Assert.Equal(0, (await harness.RecordAsync(referral.Id, givenBy: "legal-representative")).Released);
        Assert.Equal(1, (await harness.RecordAsync(referral.Id, givenBy: "person")).Released);
    }

    [Fact]
    public async Task Where_no_need_is_declared_a_relatives_verbal_report_releases_the_request()
    {
        await using var harness = await ConsentHarness.CreateAsync("sqlite", "consent_any");
        var referral = await harness.StartAsync();
        await harness.ReachRequestAsync(referral.Id);

        Assert.Equal(1, (await harness.RecordAsync(referral.Id, givenBy: "relative", form: "verbal")).Released);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_coordinator_shares_on_vital_interests_the_request_goes_and_the_case_says_so_until_the_persons_consent(string provider)
    {
        await using var harness = await ConsentHarness.CreateAsync(provider, "consent_vital", "written", "own");
        var referral = await harness.StartAsync();
        await harness.ReachRequestAsync(referral.Id);
        var coordinator = await harness.StaffAsync(StaffRoles.Coordinator);

        var decided = await VitalInterests.DecideAsync(harness.Runtime.Open, harness.Runtime.Clock,
            new VitalInterestsInput(referral.Id, "fr-foyer", "refer", VitalInterestReasons.MedicalEmergency, coordinator), Actor.Operator("ops"));

        Assert.Equal(1, decided.Released);
        await using (var db = harness.Runtime.Open())
        {
            var request = await db.OutboxMessages.SingleAsync(m => m.ReferralId == referral.Id && m.Kind == OutboxKinds.Request);
            Assert.Equal(OutboxStatus.Pending, request.Status);
            var audit = await db.AuditEntries.SingleAsync(a => a.Action == VitalInterests.AuditAction);
            Assert.Equal(referral.Id, audit.ReferralId);
            Assert.Contains("without consent, on vital interests (medical-emergency), decided by coordinator coordinator.", audit.Detail);
            Assert.Contains(await db.History.Where(h => h.ReferralId == referral.Id).Select(h => h.Kind).ToListAsync(), k => k == "vital-interests");
            var open = Assert.Single(await VitalInterests.OpenAsync(db, referral.Id, harness.Now));
            Assert.Equal(("fr-foyer", "refer", "medical-emergency", "vital-interests"), (open.Recipient, open.Purpose, open.VitalInterestReason, open.Status));
        }
        Assert.Equal(1, (await harness.Delivery().DeliverDueAsync()).Sent);

        harness.Runtime.Clock.Advance(TimeSpan.FromHours(2));
        await harness.RecordAsync(referral.Id);

        await using var later = harness.Runtime.Open();
        Assert.Empty(await VitalInterests.OpenAsync(later, referral.Id, harness.Now));
    }

    [Fact]
    public async Task Only_a_coordinator_of_the_owning_organisation_may_share_on_vital_interests_with_a_known_reason()
    {
        await using var harness = await ConsentHarness.CreateAsync("sqlite", "consent_vital_refused");
        var referral = await harness.StartAsync();
        await harness.ReachRequestAsync(referral.Id);
        var caseworker = await harness.StaffAsync(StaffRoles.Caseworker);
        var otherCoordinator = await harness.StaffAsync(StaffRoles.Coordinator, "be-refuge");
        await using (var db = harness.Runtime.Open())
        {
            var owner = await db.Organisations.Where(o => o.Key == "fr-foyer").Select(o => o.Id).SingleAsync();
            await db.Referrals.Where(r => r.Id == referral.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.SendingOrganisationId, owner));
        }

        Task Decide(Guid user, string reason = VitalInterestReasons.ImminentDanger) => VitalInterests.DecideAsync(harness.Runtime.Open,
            harness.Runtime.Clock, new VitalInterestsInput(referral.Id, "fr-foyer", "refer", reason, user), Actor.Operator("ops"));

        var notCoordinator = await Assert.ThrowsAsync<ReferralFlowException>(() => Decide(caseworker));
        var otherOrganisation = await Assert.ThrowsAsync<ReferralFlowException>(() => Decide(otherCoordinator));
        var freeText = await Assert.ThrowsAsync<ReferralFlowException>(() => Decide(otherCoordinator, "she was scared"));

        Assert.StartsWith("Only a coordinator may share a case on vital interests", notCoordinator.Message);
        Assert.StartsWith($"Only a coordinator of the organisation that owns {referral.CaseCode}", otherOrganisation.Message);
        Assert.Contains("--reason 'she was scared' is not known", freeText.Message);
        await using var after = harness.Runtime.Open();
        Assert.Equal(0, await after.Consents.CountAsync());
        Assert.Equal(HeldRequestStatus.Held, (await after.HeldRequests.SingleAsync()).Status);
        Assert.False(await after.AuditEntries.AnyAsync(a => a.Action == VitalInterests.AuditAction));
    }
}
