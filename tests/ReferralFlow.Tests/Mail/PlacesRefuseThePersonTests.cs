using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core;
using ReferralFlow.Core.Acting;
using ReferralFlow.Core.Documents;
using ReferralFlow.Core.Escort;
using ReferralFlow.Core.People;
using ReferralFlow.Core.Tasks;

namespace ReferralFlow.Tests.Mail;

/// <summary>
/// Issue 9 §3: a place is shown to partners, so the person's name (or a part of it, or an alias), birth date and
/// document number typed into one are refused at input, with a message that does not repeat them, and never appear in
/// any message sent for the referral.
/// </summary>
public class PlacesRefuseThePersonTests
{
    private static readonly PersonalData Person = new()
    {
        FullName = "Zoryana Hrytsenko-Vasylivna", Aliases = ["Zora Vasyl"], BirthDate = new DateOnly(1998, 4, 17), DocumentNumber = "KP-0093318",
    };

    private const string PassportNumber = "XK4471923";

    /// <summary>Every part of the person's data, as it could be spelt in a message.</summary>
    private static readonly string[] Forbidden =
        ["Zoryana", "Hrytsenko", "Vasylivna", "Zora", "Vasyl", "1998", "17.04", "17/04", "04-17", "4471923", "0093318"];

    public static readonly TheoryData<string, string> Typed = new()
    {
        { "Hrytsenko airport", "the person's name" },
        { "aeroport ZORYANA", "the person's name" },
        { "Vasylivna bus station", "the person's name" },
        { "Zora", "the person's name" },
        { "Kyiv 17.04.1998", "the person's birth date" },
        { "1998-04-17", "the person's birth date" },
        { "Lviv 17/4/98", "the person's birth date" },
        { "Gate XK 447 1923", "the person's document number" },
        { "Lviv KP 0093318", "the person's document number" },
    };

    [Theory]
    [MemberData(nameof(Typed))]
    public async Task A_place_variable_that_mentions_the_person_is_refused_without_repeating_it(string place, string found)
    {
        await using var mail = await CreateAsync("refuse_place");
        var referral = await mail.StartAsync();
        await RecordPersonAsync(mail, referral.Id, referral.CaseCode);
        var task = await MessageFactDeliveryTests.OpenTaskAsync(mail, referral.Id);

        var error = await Assert.ThrowsAsync<ReferralFlowException>(() => mail.Runtime.Runtime.CompleteTaskAsync(task, "planned",
            Plan(place), Actor.Operator("caseworker")));

        Assert.StartsWith($"'travel.departurePlace' is refused: it contains {found}.", error.Message);
        Assert.DoesNotContain(place, error.Message, StringComparison.OrdinalIgnoreCase);
        foreach (var part in Forbidden) Assert.DoesNotContain(part, error.Message, StringComparison.OrdinalIgnoreCase);
        // Nothing of the refused completion was kept: the task is open and no message is queued.
        await using var db = mail.Runtime.Open();
        Assert.Equal(WorkTaskStatus.Open, (await db.Tasks.SingleAsync(t => t.Id == task)).Status);
        Assert.Empty(await mail.OutboxAsync(referral.Id));
    }

    [Theory]
    [InlineData("Milano Malpensa")]
    [InlineData("Kelebija border crossing")]
    [InlineData("Gate 17, Terminal 2 (Otopeni)")]
    [InlineData("Aeroport de Paris-Orly")]
    public async Task An_ordinary_place_is_kept(string place)
    {
        await using var mail = await CreateAsync("keep_place");
        var referral = await mail.StartAsync();
        await RecordPersonAsync(mail, referral.Id, referral.CaseCode);

        await mail.Runtime.Runtime.CompleteTaskAsync(await MessageFactDeliveryTests.OpenTaskAsync(mail, referral.Id), "planned", Plan(place),
            Actor.Operator("caseworker"));

        await using var db = mail.Runtime.Open();
        Assert.Contains(place, (await db.Referrals.SingleAsync(r => r.Id == referral.Id)).StateJson);
    }

    [Fact]
    public async Task An_escort_leg_whose_place_or_escort_mentions_the_person_is_refused()
    {
        await using var mail = await CreateAsync("refuse_leg");
        var referral = await mail.StartAsync();
        await RecordPersonAsync(mail, referral.Id, referral.CaseCode);
        var departs = mail.Runtime.Clock.GetUtcNow().AddDays(10);

        await using var db = mail.Runtime.Open();
        var plan = new EscortPlan(db, mail.Runtime.Protector, new NoPregnancyRecord(), new AirTravelLimits(), Actor.Operator("caseworker"),
            mail.Runtime.Clock.GetUtcNow());
        var from = await Assert.ThrowsAsync<ReferralFlowException>(() =>
            plan.AddLegAsync(referral.CaseCode, new LegInput("Shelter of Hrytsenko", "Kyiv Boryspil", "air", departs, "IOM"), default));
        var escort = await Assert.ThrowsAsync<ReferralFlowException>(() =>
            plan.AddLegAsync(referral.CaseCode, new LegInput("Milano Malpensa", "Kyiv Boryspil", "air", departs, "Zoryana's sister"), default));

        Assert.StartsWith("The place the leg starts from (--from) is refused: it contains the person's name.", from.Message);
        Assert.StartsWith("The escort (--escort) is refused: it contains the person's name.", escort.Message);
        Assert.DoesNotContain("Hrytsenko", from.Message);
        Assert.DoesNotContain("Zoryana", escort.Message);
        Assert.Empty(await db.EscortLegs.Where(l => l.ReferralId == referral.Id).ToListAsync());
        await plan.AddLegAsync(referral.CaseCode, new LegInput("Milano Malpensa", "Kyiv Boryspil", "air", departs, "IOM"), default);
    }

    [Fact]
    public async Task The_persons_name_birth_date_and_document_numbers_never_appear_in_any_message_sent()
    {
        await using var mail = await CreateAsync("no_person_in_mail");
        var referral = await mail.StartAsync();
        await RecordPersonAsync(mail, referral.Id, referral.CaseCode);
        var task = await MessageFactDeliveryTests.OpenTaskAsync(mail, referral.Id);
        // A caseworker tries the person's details in the place first: each is refused.
        foreach (var (place, flight) in new[] { ("Hrytsenko", "AZ 1234"), ("17.04.1998", "AZ 1234"), ("Gate KP 0093318", "AZ 1234") })
            await Assert.ThrowsAsync<ReferralFlowException>(() => mail.Runtime.Runtime.CompleteTaskAsync(task, "planned",
                Plan(place, flight), Actor.Operator("caseworker")));
        await mail.Runtime.Runtime.CompleteTaskAsync(task, "planned", Plan("Milano Malpensa"), Actor.Operator("caseworker"));
        var server = mail.Delivery(MailHarness.RealServer());
        await server.DeliverDueAsync();
        mail.Runtime.Clock.Advance(TimeSpan.FromDays(5));
        await mail.Runtime.Worker.DrainAsync();
        await server.DeliverDueAsync();

        var delivered = MailHarness.Delivered((await mail.OutboxAsync(referral.Id)).Select(m => m.Id));
        Assert.True(delivered.Count >= 3, $"expected the notice, the request and its reminder, got {delivered.Count}");
        // The decoded parts for every spelling; the raw message (encoded parts, random boundaries) for the longer ones.
        var leaks = delivered.SelectMany(m => Forbidden
                .Where(f => $"{m.Subject}\n{m.Text}\n{m.Html}".Contains(f, StringComparison.OrdinalIgnoreCase)
                    || (f.Length >= 7 && m.Raw.Contains(f, StringComparison.OrdinalIgnoreCase)))
                .Select(f => $"{m.MessageId} ({m.Subject}) contains '{f}'"))
            .ToList();
        Assert.True(leaks.Count == 0, "Personal data in messages:\n" + string.Join("\n", leaks));
        // The check reads the facts tables: the place and the documents are there.
        Assert.Contains(delivered, m => m.Text.Contains("Milano Malpensa", StringComparison.Ordinal));
        Assert.Contains(delivered, m => m.Text.Contains("passeport", StringComparison.Ordinal));
    }

    private static Task<MailHarness> CreateAsync(string name) => MailHarness.CreateAsync("sqlite", name, MessageFactDeliveryTests.Procedure);

    private static Dictionary<string, JsonNode?> Plan(string place, string flight = "AZ 1234") => new()
    {
        ["travel.departureAt"] = "2027-03-02T06:40:00+01:00", ["travel.departurePlace"] = place, ["travel.flightNumber"] = flight,
    };

    private static async Task RecordPersonAsync(MailHarness mail, Guid referralId, string caseCode)
    {
        var at = mail.Runtime.Clock.GetUtcNow();
        await using var db = mail.Runtime.Open();
        PersonRecords.Add(db, mail.Runtime.Protector, referralId, Person, Actor.Operator("caseworker"), at);
        await db.SaveChangesAsync();
        await new DocumentRecords(db, mail.Runtime.Protector, Actor.Operator("caseworker"), at)
            .AddAsync(caseCode, new DocumentInput("passport", "consulate:UA", PassportNumber), default);
    }
}
