using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.People;

namespace ReferralFlow.Tests.People;

/// <summary>Age decides the procedure: under 18 on the clock's date, or of unknown age, is a child.</summary>
public class ChildProcedureTests
{
    private const string Nothing = "referrals 0, persons 0, audit 0, history 0, assignments 0";

    [Fact]
    public async Task A_child_is_refused_from_transnational_return_with_a_pointer_to_child_return()
    {
        await using var intake = await IntakeCli.CreateAsync();

        var result = await intake.StartAsync("transnational-return", $$"""{"person": {{IntakeCli.Person("2012-03-01")}}}""");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrLines);
        Assert.Contains("$.person.birthDate: the person is under 18 on 2027-01-04: a child's referral runs on 'child-return', " +
            "not 'transnational-return'; start 'child-return' instead", line);
        Assert.DoesNotContain("2012-03-01", line);
        Assert.Equal(Nothing, await intake.CreatedAsync());
        Assert.Equal(0, (await intake.StartAsync("child-return", $$"""{"person": {{IntakeCli.Person("2012-03-01")}}}""")).ExitCode);
    }

    [Fact]
    public async Task A_person_of_unknown_age_is_presumed_a_minor()
    {
        await using var intake = await IntakeCli.CreateAsync();

        var refused = await intake.StartAsync("transnational-return", $$"""{"person": {{IntakeCli.Person("")}}}""");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("the birth date is unknown, so the person is presumed a minor", refused.Err);
        Assert.Equal(Nothing, await intake.CreatedAsync());

        var caseCode = await intake.StartedAsync("court-appearance", $$"""{"person": {{IntakeCli.Person("")}}}""");
        Assert.True((await VariablesAsync(intake, caseCode))["person.isChild"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("2009-01-04", false)] // 18 today
    [InlineData("2009-01-05", true)]  // 18 tomorrow
    public async Task The_eighteenth_birthday_is_the_day_a_person_stops_being_a_child(string birthDate, bool child)
    {
        await using var intake = await IntakeCli.CreateAsync();

        var adultProcedure = await intake.StartAsync("transnational-return", $$"""{"person": {{IntakeCli.Person(birthDate)}}}""");
        var caseCode = await intake.StartedAsync("court-appearance", $$"""{"person": {{IntakeCli.Person(birthDate)}}}""");

        Assert.Equal(child ? 1 : 0, adultProcedure.ExitCode);
        Assert.Equal(child, (await VariablesAsync(intake, caseCode))["person.isChild"]!.GetValue<bool>());
        Assert.Equal(child, Minority.IsChild(DateOnly.Parse(birthDate), new DateOnly(2027, 1, 4)));
    }

    [Fact]
    public async Task Only_the_derived_fact_reaches_the_workflow_never_the_persons_data()
    {
        await using var intake = await IntakeCli.CreateAsync();

        var caseCode = await intake.StartedAsync("court-appearance", AtRest.IntakeJson().Replace("\"monitoring.months\": 6", "\"court.hearingAt\": \"2027-02-01\""));

        await using var db = intake.OpenDb();
        var state = await db.Referrals.Where(r => r.CaseCode == caseCode).Select(r => r.StateJson).SingleAsync();
        var history = await db.History.Select(h => h.Detail ?? "").ToListAsync();
        Assert.Equal(["court.hearingAt", "person.isChild"], (await VariablesAsync(intake, caseCode)).Select(v => v.Key).Order());
        Assert.Empty(AtRest.FoundIn([state, .. history]));
        Assert.DoesNotContain("Mira", state);
        Assert.DoesNotContain("asthma", state);
    }

    [Fact]
    public async Task A_derived_fact_cannot_be_given_beside_the_person()
    {
        await using var intake = await IntakeCli.CreateAsync();

        var result = await intake.StartAsync("court-appearance",
            "{\"person\": " + IntakeCli.Person("1990-01-01") + ", \"variables\": {\"person.isChild\": true}}");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("$.variables['person.isChild']: 'person.isChild' follows from the person's birth date: leave it out", result.Err);
        Assert.Equal(Nothing, await intake.CreatedAsync());
    }

    private static async Task<JsonObject> VariablesAsync(IntakeCli intake, string caseCode)
    {
        await using var db = intake.OpenDb();
        var state = await db.Referrals.Where(r => r.CaseCode == caseCode).Select(r => r.StateJson).SingleAsync();
        return JsonNode.Parse(state)!["variables"]!.AsObject();
    }
}
