using Microsoft.EntityFrameworkCore;

namespace ReferralFlow.Tests.People;

public class SubProcedurePersonTests
{
    [Fact]
    public async Task A_sub_procedure_shows_the_person_recorded_on_its_parent_and_audits_the_read_on_itself()
    {
        await using var intake = await IntakeCli.CreateAsync();
        var caseCode = await intake.StartedAsync("transnational-return", AtRest.IntakeJson());
        var task = await intake.Cli.OpenTaskAsync(caseCode, "intake-identification");
        // Age doubts come up at identification: the caseworker routes the case to the child procedure.
        await intake.Cli.JsonAsync("tasks", "complete", task["id"]!.GetValue<string>(), "--outcome", "presumed-minor",
            "--now", IntakeCli.Now, "--form", intake.Cli.FormFile("intake-identification"));
        await using var db = intake.OpenDb();
        var parent = await db.Referrals.SingleAsync(r => r.CaseCode == caseCode && r.ParentReferralId == null);
        var child = await db.Referrals.SingleAsync(r => r.ParentReferralId == parent.Id);
        // The child procedure takes the case over under its code; the code now names it, the case's active procedure.
        Assert.Equal(caseCode, child.CaseCode);

        var read = await intake.Cli.JsonAsync("referrals", "person", child.CaseCode);

        Assert.Equal(caseCode, read["heldBy"]!.GetValue<string>());
        Assert.Equal(AtRest.Name, read["person"]!["fullName"]!.GetValue<string>());
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == "person.read");
        Assert.Equal((child.Id, $"recorded on {caseCode}"), (entry.ReferralId!.Value, entry.Detail));
    }
}
