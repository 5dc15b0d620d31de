using ReferralFlow.Core.Acting;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core;
using ReferralFlow.Core.Consent;
using ReferralFlow.Core.Outbox;

namespace ReferralFlow.Tests.Consent;

/// <summary>Issue 4 §2: what a consent must say, and the child rule.</summary>
public class ConsentRecordingTests
{
    [Fact]
    public async Task A_childs_consent_without_the_guardians_co_signature_is_refused_and_nothing_is_recorded()
    {
        await using var harness = await ConsentHarness.CreateAsync("sqlite", "consent_child");
        var referral = await harness.StartAsync(child: true);

        var byChild = await Assert.ThrowsAsync<ReferralFlowException>(() => harness.RecordAsync(referral.Id, givenBy: "person"));
        var byParent = await Assert.ThrowsAsync<ReferralFlowException>(() => harness.RecordAsync(referral.Id, givenBy: "parent"));

        Assert.Contains($"Referral {referral.CaseCode} concerns a child", byChild.Message);
        Assert.Contains("--guardian-cosigned", byChild.Message);
        Assert.Contains("given by the parent needs the guardian's co-signature", byParent.Message);
        await using (var db = harness.Runtime.Open())
        {
            Assert.Equal(0, await db.Consents.CountAsync());
            Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action == "consent.recorded"));
        }

        await harness.RecordAsync(referral.Id, givenBy: "person", cosigned: true);
        await harness.RecordAsync(referral.Id, purpose: "share-data", givenBy: "guardian");
        await harness.ReachRequestAsync(referral.Id);

        await using var after = harness.Runtime.Open();
        Assert.Equal(2, await after.Consents.CountAsync());
        Assert.True(await after.OutboxMessages.AnyAsync(m => m.Kind == OutboxKinds.Request));
        Assert.True(await ChildStatus.IsChildAsync(after, referral.Id));
    }

    [Fact]
    public async Task An_adults_consent_given_by_the_person_alone_counts()
    {
        await using var harness = await ConsentHarness.CreateAsync("sqlite", "consent_adult");
        var referral = await harness.StartAsync(child: false);
        await harness.RecordAsync(referral.Id, givenBy: "person");

        await harness.ReachRequestAsync(referral.Id);

        await using var db = harness.Runtime.Open();
        Assert.False(await ChildStatus.IsChildAsync(db, referral.Id));
        Assert.True(await db.OutboxMessages.AnyAsync(m => m.Kind == OutboxKinds.Request));
    }

    [Theory]
    [InlineData("refr", "written", "person", "--purpose 'refr' is not known; did you mean 'refer'?")]
    [InlineData("refer", "oral", "person", "--form 'oral' is not known; use one of: written, verbal.")]
    [InlineData("refer", "written", "guardan", "--given-by 'guardan' is not known; did you mean 'guardian'?")]
    public async Task Bad_words_are_refused_with_what_to_type(string purpose, string form, string givenBy, string expected)
    {
        await using var harness = await ConsentHarness.CreateAsync("sqlite", "consent_words");
        var referral = await harness.StartAsync();

        var refused = await Assert.ThrowsAsync<ReferralFlowException>(() => ConsentRecording.RecordAsync(harness.Runtime.Open, harness.Runtime.Clock,
            new ConsentInput(referral.Id, "fr-foyer", purpose, form, givenBy, false), Actor.Operator("caseworker")));

        Assert.Equal($"Consent not recorded: {expected}", refused.Message);
        await using var db = harness.Runtime.Open();
        Assert.Equal(0, await db.Consents.CountAsync());
    }

    [Fact]
    public async Task Dates_that_cannot_hold_and_unknown_organisations_are_refused()
    {
        await using var harness = await ConsentHarness.CreateAsync("sqlite", "consent_dates");
        var referral = await harness.StartAsync();
        Task<RecordedConsent> Record(string recipient, DateOnly? given, DateOnly? expires) => ConsentRecording.RecordAsync(harness.Runtime.Open,
            harness.Runtime.Clock, new ConsentInput(referral.Id, recipient, "refer", "written", "person", false, given, expires), Actor.Operator("caseworker"));

        var future = await Assert.ThrowsAsync<ReferralFlowException>(() => Record("fr-foyer", harness.Today.AddDays(1), null));
        var expired = await Assert.ThrowsAsync<ReferralFlowException>(() => Record("fr-foyer", harness.Today.AddDays(-10), harness.Today.AddDays(-1)));
        var unknown = await Assert.ThrowsAsync<ReferralFlowException>(() => Record("fr-foyr", null, null));

        Assert.Contains("cannot be given in the future", future.Message);
        Assert.Contains("already expired", expired.Message);
        Assert.Equal("No organisation 'fr-foyr' in the directory; did you mean 'fr-foyer'?", unknown.Message);
        await using var db = harness.Runtime.Open();
        Assert.Equal(0, await db.Consents.CountAsync());
    }
}
