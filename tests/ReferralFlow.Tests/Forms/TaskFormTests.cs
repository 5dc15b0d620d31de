using ReferralFlow.Core.Acting;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Audit;
using ReferralFlow.Core.Forms;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Protection;
using ReferralFlow.Engine.Execution;
using ReferralFlow.Tests.Cli;
using ReferralFlow.Tests.Infrastructure;

namespace ReferralFlow.Tests.Forms;

/// <summary><c>tasks complete --form</c> and <c>tasks form</c> on the shipped risk assessment.</summary>
public class TaskFormTests
{
    [Fact]
    public async Task A_valid_assessment_is_stored_encrypted_audited_and_sets_the_risk_level()
    {
        await using var cli = CliRun.OnSqlite();
        using var folder = new TempDirectory();
        var (id, caseCode, taskId) = await RiskForms.AtAssessmentAsync(cli);

        var done = await cli.JsonAsync("tasks", "complete", taskId, "--outcome", "assessed", "--form", RiskForms.Write(folder, RiskForms.Valid("medium")));

        Assert.Equal("informed-choice", Assert.Single(done["openSteps"]!.AsArray())!["step"]!.GetValue<string>());
        await using var db = Open(cli);
        var stored = await db.FormSubmissions.SingleAsync(s => s.FormId == RiskAssessments.FormId);
        Assert.Equal((id, Guid.Parse(taskId), "risk-assessment", Environment.UserName), (stored.ReferralId, stored.TaskId, stored.FormId, stored.SubmittedBy));
        Assert.DoesNotContain("Dragomir", stored.ProtectedJson);
        Assert.Equal(RiskForms.Notes, JsonNode.Parse(PersonalDataProtector.ForKeys(cli.KeysFolder).Unprotect(stored.ProtectedJson))!["familyRiskNotes"]!.GetValue<string>());
        var state = InstanceState.Deserialize((await db.Referrals.SingleAsync(r => r.Id == id)).StateJson);
        Assert.Equal("medium", state.Variables["risk.level"]!.GetValue<string>());
        Assert.DoesNotContain(state.Variables.Keys, k => k.Contains("Notes") || k.Contains("physical"));
        var audit = await db.AuditEntries.SingleAsync(e => e.Action == TaskForms.Submitted && e.Subject.StartsWith("form " + RiskAssessments.FormId));
        Assert.Equal((id, "cli"), (audit.ReferralId, audit.Source));
        Assert.StartsWith("form risk-assessment ", audit.Subject);
        Assert.DoesNotContain(await db.History.Select(h => h.Detail ?? "").ToListAsync(), d => d.Contains("Dragomir"));
    }

    [Fact]
    public async Task Tasks_form_shows_the_submission_and_audits_the_read()
    {
        await using var cli = CliRun.OnSqlite();
        using var folder = new TempDirectory();
        var (id, _, taskId) = await RiskForms.AtAssessmentAsync(cli);
        await cli.JsonAsync("tasks", "complete", taskId, "--outcome", "assessed", "--form", RiskForms.Write(folder, RiskForms.Valid()));

        var text = await cli.RunAsync("tasks", "form", taskId);
        var json = await cli.JsonAsync("tasks", "form", taskId);

        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.StartsWith("Risk and needs assessment ('risk-needs-assessment'), submitted", text.OutLines[0]);
        Assert.Contains(text.OutLines, l => l.StartsWith("Risk from the family: notes") && l.EndsWith(RiskForms.Notes));
        Assert.Equal("low", json["values"]!["overallLevel"]!.GetValue<string>());
        await using var db = Open(cli);
        var reads = await db.AuditEntries.Where(e => e.Action == SubmittedForms.Read).ToListAsync();
        Assert.Equal(2, reads.Count);
        Assert.All(reads, r => Assert.Equal(id, r.ReferralId));
        Assert.Equal("audit chain intact", (await cli.RunAsync("audit", "verify")).Out.Split(':')[0]);
    }

    [Fact]
    public async Task An_invalid_submission_lists_every_problem_and_saves_nothing()
    {
        await using var cli = CliRun.OnSqlite();
        using var folder = new TempDirectory();
        var (_, _, taskId) = await RiskForms.AtAssessmentAsync(cli);
        var form = RiskForms.Valid();
        form.Remove("emotionalState");
        form["networkRisk"] = "hihg";
        form["pregnancyWeeks"] = 52;
        form["familyRiskNote"] = "typo";
        var before = await cli.SnapshotAsync();

        var result = await cli.RunAsync("tasks", "complete", taskId, "--outcome", "assessed", "--form", RiskForms.Write(folder, form));

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrLines);
        Assert.Contains("The 'risk-assessment' form has 4 problem(s), nothing was saved", line);
        Assert.Contains("emotionalState: 'Emotional state' is required: one of low, medium, high", line);
        Assert.Contains("networkRisk: 'Risk from the trafficking network' must be one of low, medium, high; did you mean 'high'?", line);
        Assert.Contains("pregnancyWeeks: 'Pregnancy: weeks' must be at most 45", line);
        Assert.Contains("familyRiskNote: the 'risk-assessment' form has no field 'familyRiskNote'; did you mean 'familyRiskNotes'?", line);
        Assert.Equal(before, await cli.SnapshotAsync());
        await using var db = Open(cli);
        Assert.Equal(0, await db.FormSubmissions.CountAsync(s => s.FormId == RiskAssessments.FormId));
        Assert.Equal(0, await db.AuditEntries.CountAsync(e => e.Action == TaskForms.Submitted && e.Subject.StartsWith("form " + RiskAssessments.FormId)));
    }

    [Fact]
    public async Task A_submission_refused_by_the_procedure_saves_nothing()
    {
        await using var cli = CliRun.OnSqlite();
        using var folder = new TempDirectory();
        var (_, _, taskId) = await RiskForms.AtAssessmentAsync(cli);
        var before = await cli.SnapshotAsync();

        var result = await cli.RunAsync("tasks", "complete", taskId, "--outcome", "assesed", "--form", RiskForms.Write(folder, RiskForms.Valid()));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(before, await cli.SnapshotAsync());
        await using var db = Open(cli);
        Assert.Equal((0, 0), (await db.FormSubmissions.CountAsync(s => s.FormId == RiskAssessments.FormId), await db.AuditEntries.CountAsync(e => !e.Subject.StartsWith("form intake"))));
    }

    [Fact]
    public async Task A_variable_set_both_by_data_and_by_the_form_is_refused()
    {
        await using var cli = CliRun.OnSqlite();
        using var folder = new TempDirectory();
        var (_, _, taskId) = await RiskForms.AtAssessmentAsync(cli);
        var data = RiskForms.Write(folder, new JsonObject { ["risk.level"] = "high" }, "data.json");

        var result = await cli.RunAsync("tasks", "complete", taskId, "--outcome", "assessed", "--data", data,
            "--form", RiskForms.Write(folder, RiskForms.Valid("low")));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("'risk.level' is set both by the data and by the form's field 'overallLevel'", result.Err);
        await using var db = Open(cli);
        Assert.Equal(0, await db.FormSubmissions.CountAsync(s => s.FormId == RiskAssessments.FormId));
    }

    [Fact]
    public async Task A_form_for_a_task_that_shows_none_is_refused()
    {
        await using var cli = CliRun.OnSqlite();
        using var folder = new TempDirectory();
        var (_, caseCode) = await cli.StartAsync("child-return");
        await cli.JsonAsync("tasks", "complete", (await cli.OpenTaskAsync(caseCode, "intake-identification"))["id"]!.GetValue<string>(),
            "--outcome", "identified", "--form", cli.FormFile("intake-identification"));
        var guardian = await cli.OpenTaskAsync(caseCode, "appoint-guardian");

        var result = await cli.RunAsync("tasks", "complete", guardian["id"]!.GetValue<string>(), "--outcome", "guardian-appointed",
            "--form", RiskForms.Write(folder, new JsonObject { ["notes"] = "x" }));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("shows no form; complete it without one", result.Err);
    }

    [Fact]
    public async Task A_high_overall_level_opens_the_safety_plan_before_anything_else_of_the_return()
    {
        await using var cli = CliRun.OnSqlite();
        using var folder = new TempDirectory();
        var (_, caseCode, taskId) = await RiskForms.AtAssessmentAsync(cli);
        await cli.JsonAsync("tasks", "complete", taskId, "--outcome", "assessed", "--form", RiskForms.Write(folder, RiskForms.Valid("high")));

        var choice = await cli.JsonAsync("tasks", "complete", (await cli.OpenTaskAsync(caseCode, "informed-choice"))["id"]!.GetValue<string>(),
            "--outcome", "return", "--form", cli.FormFile("informed-choice"));

        var open = Assert.Single(choice["openSteps"]!.AsArray())!;
        Assert.Equal("safety-plan", open["step"]!.GetValue<string>());
        var plan = await cli.OpenTaskAsync(caseCode, "safety-plan");
        Assert.Equal("safety-plan", plan["form"]!.GetValue<string>());
        var agreed = await cli.JsonAsync("tasks", "complete", plan["id"]!.GetValue<string>(), "--outcome", "plan-agreed",
            "--form", RiskForms.Write(folder, new JsonObject { ["measures"] = "Shelter with guard; escort to the airport" }, "plan.json"));
        Assert.Equal("request-family-protection", Assert.Single(agreed["openSteps"]!.AsArray())!["step"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_latest_assessment_gives_the_weeks_of_pregnancy()
    {
        await using var cli = CliRun.OnSqlite();
        using var folder = new TempDirectory();
        var (pregnant, _, taskId) = await RiskForms.AtAssessmentAsync(cli);
        var (notPregnant, _, otherTask) = await RiskForms.AtAssessmentAsync(cli);
        var (notAssessed, _, _) = await RiskForms.AtAssessmentAsync(cli);
        await cli.JsonAsync("tasks", "complete", taskId, "--outcome", "assessed", "--now", "2027-01-06T10:00:00Z",
            "--form", RiskForms.Write(folder, RiskForms.Valid(pregnancyWeeks: 31)));
        await cli.JsonAsync("tasks", "complete", otherTask, "--outcome", "assessed", "--form", RiskForms.Write(folder, RiskForms.Valid(), "b.json"));

        await using var db = Open(cli);
        var protector = PersonalDataProtector.ForKeys(cli.KeysFolder);

        Assert.Equal((31m, DateTimeOffset.Parse("2027-01-06T10:00:00Z")), await RiskAssessments.LatestPregnancyWeeksAsync(db, protector, pregnant));
        Assert.Null(await RiskAssessments.LatestPregnancyWeeksAsync(db, protector, notPregnant));
        Assert.Null(await RiskAssessments.LatestPregnancyWeeksAsync(db, protector, notAssessed));
    }

    [Theory]
    [MemberData(nameof(Persistence.TestDatabase.Providers), MemberType = typeof(Persistence.TestDatabase))]
    public async Task The_notes_of_a_submission_are_nowhere_in_the_database(string provider)
    {
        await using var cli = provider == "postgres" ? await CliRun.OnPostgresAsync("form_encryption") : CliRun.OnSqlite();
        using var folder = new TempDirectory();
        var (_, _, taskId) = await RiskForms.AtAssessmentAsync(cli);
        await cli.JsonAsync("tasks", "complete", taskId, "--outcome", "assessed", "--form", RiskForms.Write(folder, RiskForms.Valid("high")));
        await cli.JsonAsync("tasks", "form", taskId);

        await using var db = Open(cli);
        Assert.Equal(1, await db.FormSubmissions.CountAsync(s => s.FormId == RiskAssessments.FormId));
        var everything = await DatabaseText.AllAsync(db);
        Assert.Contains("risk-assessment", everything); // the dump does read the rows
        Assert.DoesNotContain("Dragomir", everything);
        Assert.DoesNotContain("sprained wrist", everything);
    }

    private static ReferralFlowDb Open(CliRun cli) => new(DatabaseProvider.Options(cli.ConnectionString));
}
