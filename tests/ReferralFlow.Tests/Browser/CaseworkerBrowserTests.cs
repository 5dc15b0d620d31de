using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ReferralFlow.Core.Tasks;

namespace ReferralFlow.Tests.Browser;

/// <summary>A caseworker works the inbox in a real browser: from the task list to the referral, records the facts
/// with the outcome, and sees the procedure move on.</summary>
public sealed class CaseworkerBrowserTests
{
    [Fact]
    public async Task A_caseworker_completes_the_intake_task_from_the_inbox_and_the_next_task_opens()
    {
        await using var app = ListeningApp.Start();
        var started = await app.Runtime.StartAsync("transnational-return", new Dictionary<string, JsonNode?>(), "coordinator");
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync();

        await page.GotoAsync(new Uri(app.Address, "tasks").ToString());
        Assert.Contains(started.CaseCode, await page.Locator("table").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Intake and identification") }).ClickAsync();

        var card = page.Locator("article.card", new() { HasText = "Intake and identification" });
        await card.Locator("select[name='set:referral.source']").SelectOptionAsync("ngo");
        await card.GetByRole(AriaRole.Button, new() { Name = "Identified", Exact = true }).ClickAsync();

        await page.Locator("article.card", new() { HasText = "Risk" }).First.WaitForAsync();
        await using var db = app.App.OpenDb();
        var intake = await db.Tasks.SingleAsync(t => t.ReferralId == started.Id && t.StepId == "intake-identification");
        Assert.Equal(WorkTaskStatus.Completed, intake.Status);
        Assert.Equal("identified", intake.Outcome);
        Assert.True(await db.Tasks.AnyAsync(t => t.ReferralId == started.Id && t.StepId == "risk-needs-assessment" && t.Status == WorkTaskStatus.Open));
        var referral = await db.Referrals.SingleAsync(r => r.Id == started.Id);
        Assert.Contains("\"referral.source\":\"ngo\"", referral.StateJson.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
