using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core;
using ReferralFlow.Core.Escort;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Tests.CaseRecords;

/// <summary>The escort plan (issue 4 §4): legs in order, escorts' contacts encrypted, and the practice constraint that a
/// pregnancy beyond the airline limit on the day of an air leg blocks that leg.</summary>
public class EscortPlanTests
{
    /// <summary>The risk assessment's answer, as a test double of the seam the escort plan reads.</summary>
    private sealed class AssessedPregnancy(int weeks, DateTimeOffset assessedAt) : IPregnancyRecord
    {
        public Task<(int Weeks, DateTimeOffset AssessedAt)?> LatestAsync(ReferralFlowDb db, Guid referralId, CancellationToken ct) =>
            Task.FromResult<(int, DateTimeOffset)?>((weeks, assessedAt));
    }

    [Fact]
    public async Task An_air_leg_on_a_day_beyond_the_pregnancy_limit_is_refused_with_the_weeks_counted_on_from_the_assessment()
    {
        await using var h = await RecordsHarness.CreateAsync("sqlite", "escort-pregnancy");
        var referral = await h.StartAsync();
        // 30 weeks when assessed; the flight 6 weeks and 1 day later is in week 36.
        var pregnancy = new AssessedPregnancy(30, h.Now);
        var late = h.Now.AddDays(43);
        await using (var db = h.Open())
        {
            var error = await Assert.ThrowsAsync<ReferralFlowException>(() => Plan(db, h, pregnancy)
                .AddLegAsync(referral.CaseCode, new LegInput("Milan Malpensa", "Lagos", "air", late, "IOM airport team"), default));
            Assert.Equal("The air leg Milan Malpensa → Lagos on 2027-02-16 is refused: the person will be 36 weeks pregnant that day, and airlines " +
                "do not carry passengers from week 36 on. Plan the leg by rail, road or sea, or an earlier flight (with a fit-to-fly certificate).", error.Message);
        }
        await using (var db = h.Open())
        {
            // The same day by road, and a flight in week 35, are fine.
            await Plan(db, h, pregnancy).AddLegAsync(referral.CaseCode, new LegInput("Shelter", "Border crossing", "road", late, "IOM"), default);
            await Plan(db, h, pregnancy).AddLegAsync(referral.CaseCode, new LegInput("Milan Malpensa", "Lagos", "air", h.Now.AddDays(41), "IOM"), default);
        }
        await using (var db = h.Open())
            Assert.Equal(["air", "road"], await db.EscortLegs.OrderBy(l => l.DepartsAt).Select(l => l.Mode).ToListAsync());
    }

    [Fact]
    public async Task The_pregnancy_limit_is_configurable_and_no_pregnancy_record_blocks_nothing()
    {
        await using var h = await RecordsHarness.CreateAsync("sqlite", "escort-limit");
        var referral = await h.StartAsync();
        var pregnancy = new AssessedPregnancy(28, h.Now);
        await using (var db = h.Open())
        {
            var error = await Assert.ThrowsAsync<ReferralFlowException>(() => Plan(db, h, pregnancy, new AirTravelLimits(28))
                .AddLegAsync(referral.CaseCode, new LegInput("Vienna", "Bucharest", "air", h.Now.AddDays(1), "IOM"), default));
            Assert.Contains("28 weeks pregnant that day, and airlines do not carry passengers from week 28 on", error.Message);
            await Plan(db, h, pregnancy).AddLegAsync(referral.CaseCode, new LegInput("Vienna", "Bucharest", "air", h.Now.AddDays(1), "IOM"), default);
            await Plan(db, h, new NoPregnancyRecord(), new AirTravelLimits(1))
                .AddLegAsync(referral.CaseCode, new LegInput("Bucharest", "Iași", "air", h.Now.AddDays(2), "ADPARE"), default);
        }
        await using (var db = h.Open())
            Assert.Equal(2, await db.EscortLegs.CountAsync());
        Assert.Equal(36, new AirTravelLimits().PregnancyWeeks);
    }

    [Fact]
    public async Task Legs_are_planned_in_order_with_the_escorts_contact_encrypted_and_its_reading_audited()
    {
        await using var h = await RecordsHarness.CreateAsync("sqlite", "escort-plan");
        var referral = await h.StartAsync();
        const string contact = "+40 721 555 0199";
        await using (var db = h.Open())
        {
            await Plan(db, h).AddLegAsync(referral.CaseCode, new LegInput("Bucharest Otopeni", "Transit shelter", "road", h.Now.AddDays(14).AddHours(6), "ADPARE staff", contact), default);
            await Plan(db, h).AddLegAsync(referral.CaseCode, new LegInput("Shelter", "Munich airport", "road", h.Now.AddDays(14), "Mitternachtsmission"), default);
            await Assert.ThrowsAsync<ReferralFlowException>(() =>
                Plan(db, h).AddLegAsync(referral.CaseCode, new LegInput("Munich", "Bucharest", "teleport", h.Now.AddDays(14), "IOM"), default));
        }
        await using (var db = h.Open())
        {
            Assert.DoesNotContain(contact, (await db.EscortLegs.SingleAsync(l => l.EscortContactProtected != null)).EscortContactProtected);
            Assert.DoesNotContain(await db.History.Select(e => e.Detail).ToListAsync(), d => (d ?? "").Contains(contact));
            var hidden = await Plan(db, h).PlanAsync(referral.CaseCode, revealContacts: false, default);
            Assert.Equal(["Shelter → Munich airport", "Bucharest Otopeni → Transit shelter"], hidden.Select(l => $"{l.From} → {l.To}"));
            Assert.All(hidden, l => Assert.Null(l.Contact));
            Assert.Equal(0, await db.AuditEntries.CountAsync(e => e.Action == "escort.contacts-read"));
            var shown = await Plan(db, h).PlanAsync(referral.CaseCode, revealContacts: true, default);
            Assert.Equal(contact, shown[1].Contact);
        }
        await using (var db = h.Open())
            Assert.Equal(["escort.contact-recorded", "escort.contacts-read"], await db.AuditEntries.OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
    }

    private static EscortPlan Plan(ReferralFlowDb db, RecordsHarness h, IPregnancyRecord? pregnancy = null, AirTravelLimits? limits = null) =>
        new(db, h.Protector, pregnancy ?? new NoPregnancyRecord(), limits ?? new AirTravelLimits(), RecordsHarness.Staff, h.Now);
}
