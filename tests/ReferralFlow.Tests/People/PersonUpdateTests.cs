using Microsoft.EntityFrameworkCore;

namespace ReferralFlow.Tests.People;

public class PersonUpdateTests
{
    [Fact]
    public async Task A_correction_replaces_the_record_and_audits_which_fields_changed_without_their_values()
    {
        await using var intake = await IntakeCli.CreateAsync();
        var caseCode = await intake.StartedAsync("transnational-return", AtRest.IntakeJson());
        var corrected = intake.File($$"""
            {"fullName": "{{AtRest.Name}}", "aliases": ["Mira Q."], "birthDate": "{{AtRest.BirthDate}}", "nationality": "RO",
             "languages": ["ro", "en"], "documentNumber": "RO-TEMP-0093", "contact": "+40 721 000 111, via the shelter",
             "healthNotes": "asthma; needs an inhaler"}
            """);

        var update = await intake.Cli.RunAsync("referrals", "person-update", caseCode, "--input", corrected);
        var read = await intake.Cli.JsonAsync("referrals", "person", caseCode);

        Assert.Equal($"Updated the person of {caseCode} (encrypted).", update.Out.Trim());
        Assert.Equal("RO-TEMP-0093", read["person"]!["documentNumber"]!.GetValue<string>());
        Assert.Equal(AtRest.Name, read["person"]!["fullName"]!.GetValue<string>());
        await using var db = intake.OpenDb();
        var audit = await db.AuditEntries.OrderBy(e => e.Sequence).Select(e => new { e.Action, e.Detail }).ToListAsync();
        Assert.Equal(["person.recorded", "person.updated", "person.read"], audit.Select(e => e.Action));
        Assert.Equal("changed: documentNumber", audit[1].Detail);
        Assert.StartsWith("fields: fullName, aliases, birthDate", audit[0].Detail);
        Assert.DoesNotContain("RO-TEMP", (await db.PersonRecords.SingleAsync()).ProtectedData);
    }

    [Fact]
    public async Task A_referral_started_without_a_person_gets_one_recorded_and_an_invalid_one_is_refused()
    {
        await using var intake = await IntakeCli.CreateAsync();
        var (_, caseCode) = await intake.Cli.StartAsync();

        var refused = await intake.Cli.RunAsync("referrals", "person-update", caseCode, "--input", intake.File("""{"birthDate": "2030-01-01", "nick": "x"}"""));
        var recorded = await intake.Cli.RunAsync("referrals", "person-update", caseCode, "--input", intake.File(IntakeCli.Person("1990-02-03")));

        Assert.Equal(1, refused.ExitCode);
        var line = Assert.Single(refused.ErrLines);
        Assert.Contains("3 problems", line);
        Assert.Contains("$.birthDate: lies in the future (today is", line);
        Assert.Contains("$.fullName: give the person's full name", line);
        Assert.Contains("$.nick: unknown field 'nick'", line);
        Assert.Equal($"Recorded the person of {caseCode} (encrypted).", recorded.Out.Trim());
        await using var db = intake.OpenDb();
        Assert.Equal(["person.recorded"], await db.AuditEntries.Select(e => e.Action).ToListAsync());
    }
}
