using Microsoft.EntityFrameworkCore;

namespace ReferralFlow.Tests.People;

public class ReferralParticularsTests
{
    [Fact]
    public async Task Intake_records_organisations_and_corridor_and_assigns_the_receiving_role_in_the_same_start()
    {
        await using var intake = await IntakeCli.CreateAsync();

        var caseCode = await intake.StartedAsync("transnational-return", AtRest.IntakeJson());
        var show = await intake.Cli.RunAsync("referrals", "show", caseCode);
        var json = await intake.Cli.JsonAsync("referrals", "show", caseCode);

        Assert.Contains(show.OutLines, l => l.StartsWith("stage") && l.EndsWith("identification"));
        Assert.Contains(show.OutLines, l => l.StartsWith("sending") && l.EndsWith("(de-koofra)"));
        Assert.Contains(show.OutLines, l => l.StartsWith("receiving") && l.EndsWith("(ro-adpare)"));
        Assert.Contains(show.OutLines, l => l.StartsWith("corridor") && l.EndsWith("RO → HU → AT → DE"));
        Assert.Equal("ro-adpare", json["parties"]!["receiving"]!["key"]!.GetValue<string>());
        await using var db = intake.OpenDb();
        var referral = await db.Referrals.SingleAsync(r => r.CaseCode == caseCode);
        var assignment = await db.PartnerAssignments.SingleAsync(a => a.ReferralId == referral.Id);
        var adpare = await db.Organisations.SingleAsync(o => o.Key == "ro-adpare");
        Assert.Equal(("receiving", adpare.Id), (assignment.Role, assignment.OrganisationId));
        Assert.Equal(adpare.Id, referral.ReceivingOrganisationId);
        Assert.Equal(["HU", "AT"], referral.TransitCountries);
        var state = System.Text.Json.Nodes.JsonNode.Parse(referral.StateJson)!;
        Assert.Equal(6m, state["variables"]!["monitoring.months"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Reassigning_the_receiving_role_moves_the_referrals_receiving_organisation_with_it()
    {
        await using var intake = await IntakeCli.CreateAsync();
        var caseCode = await intake.StartedAsync("transnational-return", AtRest.IntakeJson());

        var assigned = await intake.Cli.RunAsync("partners", "assign", caseCode, "--role", "receiving", "--organisation", "ro-anitp");

        Assert.True(assigned.ExitCode == 0, assigned.ToString());
        Assert.Equal("ro-anitp", (await intake.Cli.JsonAsync("referrals", "show", caseCode))["parties"]!["receiving"]!["key"]!.GetValue<string>());
    }
}
