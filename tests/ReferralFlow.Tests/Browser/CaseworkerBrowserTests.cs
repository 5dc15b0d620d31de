using ReferralFlow.Core.Acting;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ReferralFlow.Core.Tasks;

namespace ReferralFlow.Tests.Browser;

/// <summary>A caseworker works the inbox in a real browser: from the task list to the task's form, fills it in,
/// finishes with an outcome, and the procedure moves on with the form's non-personal fact set.</summary>
public sealed partial class CaseworkerBrowserTests
{
    private const string Notes = "Met at the Perrache bus station with a companion";

    [Fact]
    public async Task A_caseworker_completes_the_intake_form_from_the_inbox_and_the_next_task_opens()
    {
        await using var app = ListeningApp.Start();
        var started = await app.Runtime.StartAsync("transnational-return", new Dictionary<string, JsonNode?>(), Actor.Operator("coordinator"));
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync();

        await page.GotoAsync(new Uri(app.Address, "tasks").ToString());
        Assert.Contains(started.CaseCode, await page.Locator("table").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Link, new() { NameRegex = IntakeTitle() }).ClickAsync();

        await page.GetByLabel("Who referred the person").SelectOptionAsync("ngo");
        await page.GetByLabel("Intake notes").FillAsync(Notes);
        await page.GetByRole(AriaRole.Button, new() { Name = "Identified", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/tasks/complete", StringComparison.Ordinal));

        await using var db = app.App.OpenDb();
        var intake = await db.Tasks.SingleAsync(t => t.ReferralId == started.Id && t.StepId == "intake-identification");
        Assert.Equal((WorkTaskStatus.Completed, "identified"), (intake.Status, intake.Outcome));
        Assert.True(await db.Tasks.AnyAsync(t => t.ReferralId == started.Id && t.StepId == "risk-needs-assessment" && t.Status == WorkTaskStatus.Open));
        var state = (await db.Referrals.SingleAsync(r => r.Id == started.Id)).StateJson;
        Assert.Contains("\"referral.source\":\"ngo\"", state.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        // The notes went into the encrypted form record, not into the workflow state.
        var submission = await db.FormSubmissions.SingleAsync(s => s.TaskId == intake.Id);
        Assert.DoesNotContain("Perrache", submission.ProtectedJson, StringComparison.Ordinal);
        Assert.DoesNotContain("Perrache", state, StringComparison.Ordinal);
    }

    [GeneratedRegex("^Intake and identification")]
    private static partial Regex IntakeTitle();
}
