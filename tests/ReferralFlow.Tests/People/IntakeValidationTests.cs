using Microsoft.EntityFrameworkCore;

namespace ReferralFlow.Tests.People;

public class IntakeValidationTests
{
    private const string Nothing = "referrals 0, persons 0, audit 0, history 0, assignments 0";

    [Fact]
    public async Task Invalid_input_is_refused_as_a_whole_with_every_problem_and_its_path_and_nothing_is_created()
    {
        await using var intake = await IntakeCli.CreateAsync();

        var result = await intake.StartAsync("transnational-return", """
            {
              "person": {
                "fullName": "  ",
                "aliases": ["Mira", ""],
                "birthDate": "17/05/1994",
                "nationality": "Romania",
                "languages": ["ro", "romanian", 7],
                "documentNumber": 4471902,
                "contact": "+40 721 000 111",
                "helthNotes": "asthma"
              },
              "sendingOrganisation": "de-kofra",
              "receivingOrganisation": "ro-adpare",
              "corridor": { "origin": "UK", "transit": ["HU", "XX", "HU"] },
              "variables": { "monitoring.months": "six", "risk.level": "high" },
              "notes": "first contact by hotline"
            }
            """);

        Assert.True(result.ExitCode == 1, result.ToString());
        var line = Assert.Single(result.ErrLines);
        Assert.StartsWith("error: the referral input was refused, nothing was created; 16 problems: ", line);
        string[] expected =
        [
            "$.corridor.destination: give the destination country",
            "$.corridor.origin: is not an ISO 3166 alpha-2 country code: write 'GB'",
            "$.corridor.transit: lists a country twice",
            "$.corridor.transit[1]: is not an ISO 3166 alpha-2 country code",
            "$.notes: unknown field 'notes'; the fields are person, sendingOrganisation, receivingOrganisation, corridor, variables",
            "$.person.aliases[1]: an alias must not be empty",
            "$.person.birthDate: is not an ISO date: write it as YYYY-MM-DD",
            "$.person.documentNumber: must be a string in quotes, not a number",
            "$.person.fullName: give the person's full name",
            "$.person.helthNotes: unknown field 'helthNotes'; did you mean 'healthNotes'?",
            "$.person.languages[1]: is not a known ISO 639-1 language code",
            "$.person.languages[2]: must be a string in quotes, not a number",
            "$.person.nationality: is not an ISO 3166 alpha-2 country code",
            "$.sendingOrganisation: names no organisation of the directory; did you mean 'de-koofra'?",
            "$.variables['monitoring.months']: 'monitoring.months' must be a number",
            "$.variables['risk.level']: 'risk.level' is not an input of 'transnational-return'; its inputs are monitoring.months",
        ];
        Assert.All(expected, problem => Assert.Contains(problem, line));
        // The person's values are never repeated back.
        Assert.DoesNotContain("17/05/1994", line);
        Assert.DoesNotContain("Romania", line);
        Assert.DoesNotContain("romanian", line);
        Assert.Equal("", result.Out);
        Assert.Equal(Nothing, await intake.CreatedAsync());
    }

    [Fact]
    public async Task Input_that_is_not_an_intake_object_is_refused_before_anything_is_opened()
    {
        await using var intake = await IntakeCli.CreateAsync();

        var list = await intake.StartAsync("transnational-return", """[{"fullName": "x"}]""");
        var broken = await intake.StartAsync("transnational-return", "{\"person\": {\"fullName\": \"x\"");

        Assert.Equal(1, list.ExitCode);
        Assert.Contains("must be a JSON object with \"person\"", Assert.Single(list.ErrLines));
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("is not valid JSON (line 1)", Assert.Single(broken.ErrLines));
        Assert.Equal(Nothing, await intake.CreatedAsync());
    }

    [Fact]
    public async Task Start_without_input_still_starts_a_referral_without_a_person()
    {
        await using var intake = await IntakeCli.CreateAsync();

        var (_, caseCode) = await intake.Cli.StartAsync();
        var person = await intake.Cli.RunAsync("referrals", "person", caseCode);

        Assert.StartsWith("No person recorded", person.Out);
        await using var db = intake.OpenDb();
        Assert.Equal((1, 0, 0), (await db.Referrals.CountAsync(), await db.PersonRecords.CountAsync(), await db.AuditEntries.CountAsync()));
    }
}
