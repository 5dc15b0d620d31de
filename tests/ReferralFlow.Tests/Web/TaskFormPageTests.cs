using ReferralFlow.Core.Acting;
using System.Net;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Forms;
using ReferralFlow.Core.Tasks;
using static ReferralFlow.Tests.Web.FormPosts;

namespace ReferralFlow.Tests.Web;

/// <summary>The task page: the form's fields from its file, checked on the server.</summary>
public class TaskFormPageTests
{
    [Fact]
    public async Task The_task_page_renders_the_risk_assessment_fields()
    {
        await using var app = new WebApp();
        var client = app.CreateClient();
        var taskId = await AtAssessmentAsync(app, client);

        var page = await GetPageAsync(client, $"/tasks/complete/{taskId}");

        Assert.Contains("<legend>Risk and needs assessment</legend>", page);
        Assert.Contains("<label for=\"field-networkRisk\">Risk from the trafficking network *</label>", page);
        Assert.Matches("""<select id="field-networkRisk" name="form:networkRisk" required="required">""", page);
        Assert.Contains("<option value=\"high\">High</option>", page);
        Assert.Matches("""<input id="field-pregnancyWeeks" name="form:pregnancyWeeks" type="number" step="any" min="0" max="45" value="" />""", page);
        Assert.Contains("<textarea id=\"field-familyRiskNotes\" name=\"form:familyRiskNotes\" rows=\"3\"></textarea>", page);
        // risk.level comes from the form's overall level, so it is not offered again as a loose fact.
        Assert.DoesNotContain("set:risk.level", page);
        Assert.Contains($"href=\"/tasks/complete/{taskId}\"", await GetPageAsync(client, "/tasks"));
    }

    [Fact]
    public async Task An_incomplete_form_lists_every_problem_keeps_what_was_typed_and_saves_nothing()
    {
        await using var app = new WebApp();
        var client = app.CreateClient();
        var taskId = await AtAssessmentAsync(app, client);
        var url = $"/tasks/complete/{taskId}";
        var page = await GetPageAsync(client, url);

        var response = await PostAsync(client, url, page, ("outcome", "assessed"), ("form:physicalHealth", "low"),
            ("form:familyRiskNotes", "Uncle at the gate"), ("form:pregnancyWeeks", "many"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("correct these 8 field(s)", after);
        Assert.Contains("'Emotional state' is required: one of low, medium, high", after);
        Assert.Contains("'Overall risk level' is required", after);
        Assert.Contains("'Pregnancy: weeks' must be a number", after);
        Assert.Contains(">Uncle at the gate</textarea>", after);
        Assert.Contains("<option value=\"low\" selected=\"selected\">Low</option>", after);
        await using var db = app.OpenDb();
        Assert.Equal(0, await db.FormSubmissions.CountAsync(s => s.TaskId == taskId));
        Assert.Equal(WorkTaskStatus.Open, (await db.Tasks.SingleAsync(t => t.Id == taskId)).Status);
    }

    [Fact]
    public async Task A_complete_form_is_stored_encrypted_audited_from_the_web_and_moves_the_referral_on()
    {
        await using var app = new WebApp();
        var client = app.CreateClient();
        var taskId = await AtAssessmentAsync(app, client);
        var url = $"/tasks/complete/{taskId}";
        var page = await GetPageAsync(client, url);
        (string, string)[] levels = [.. new[] { "physicalHealth", "emotionalState", "familyRisk", "networkRisk", "substanceUseSelfHarm",
            "dangerWhileWaiting", "specialNeeds" }.Select(f => ($"form:{f}", "medium"))];

        var response = await PostAsync(client, url, page, [("outcome", "assessed"), .. levels, ("form:overallLevel", "high"),
            ("form:familyRiskNotes", "Uncle at the gate"), ("form:psychiatricCare", "true"), ("form:pregnancyWeeks", "12")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("completed: Assessed.", await response.Content.ReadAsStringAsync());
        await using var db = app.OpenDb();
        var stored = await db.FormSubmissions.SingleAsync(s => s.TaskId == taskId);
        Assert.DoesNotContain("Uncle", stored.ProtectedJson);
        Assert.Equal((WorkTaskStatus.Completed, app.Caseworker.Email), ((await db.Tasks.SingleAsync(t => t.Id == taskId)).Status, stored.SubmittedBy));
        Assert.Contains("\"risk.level\":\"high\"", (await db.Referrals.SingleAsync()).StateJson);
        var audit = await db.AuditEntries.SingleAsync(e => e.Action == TaskForms.Submitted && e.Subject == $"form risk-assessment {stored.Id}");
        Assert.StartsWith("web ", audit.Source);
    }

    /// <summary>Starts a referral and completes its intake on the task page; returns the assessment task.</summary>
    private static async Task<Guid> AtAssessmentAsync(WebApp app, HttpClient client)
    {
        await ApiTests.StartAsync(client, "transnational-return");
        await using var db = app.OpenDb();
        var intake = await db.Tasks.SingleAsync();
        var url = $"/tasks/complete/{intake.Id}";
        var page = await GetPageAsync(client, url);
        var response = await PostAsync(client, url, page, ("outcome", "identified"), ("form:source", "police"), ("form:notes", "met at the station"));
        response.EnsureSuccessStatusCode();
        return (await db.Tasks.SingleAsync(t => t.StepId == "risk-needs-assessment")).Id;
    }
}
