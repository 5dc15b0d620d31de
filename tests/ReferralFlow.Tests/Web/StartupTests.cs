using System.Net;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Access;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Tests.Infrastructure;

namespace ReferralFlow.Tests.Web;

public class StartupTests
{
    [Fact]
    public async Task Migrates_and_publishes_the_workflows_so_the_home_page_offers_them_to_start()
    {
        await using var app = new WebApp();
        var client = app.CreateClient();

        var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var workflow in new[] { "transnational-return", "child-return", "court-appearance", "monitoring" })
            Assert.Contains($"<option value=\"{workflow}\"", html);
        Assert.Contains("No referrals of your organisation yet. Start one with the form above.", html);
        await using var db = app.OpenDb();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(4, await db.PublishedWorkflows.CountAsync());
    }

    [Fact]
    public async Task Health_endpoint_reports_healthy_when_the_database_answers()
    {
        await using var app = new WebApp();

        var response = await app.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Demo_data_fills_an_empty_database_with_referrals_at_several_stages()
    {
        await using var app = new WebApp(demo: true);
        _ = app.Services;

        await using var db = app.OpenDb();
        var referrals = await db.Referrals.ToListAsync();
        Assert.True(referrals.Count >= 6, $"expected at least 6 demo referrals, got {referrals.Count}");
        Assert.Equal(
            new[] { "child-return", "court-appearance", "transnational-return" },
            referrals.Select(r => r.WorkflowId).Distinct().Order());
        Assert.Contains(referrals, r => r.Status == ReferralStatus.Closed);
        Assert.Contains(referrals, r => r.OpenIncidents > 0);
        var openTaskSteps = await db.Tasks.Where(t => t.Status == Core.Tasks.WorkTaskStatus.Open).Select(t => t.StepId).Distinct().ToListAsync();
        var openHandOffSteps = await db.HandOffs.Where(h => h.Status == Core.HandOffs.HandOffStatus.Requested).Select(h => h.StepId).Distinct().ToListAsync();
        Assert.True(openTaskSteps.Count >= 3, $"open task steps: {string.Join(", ", openTaskSteps)}");
        Assert.Contains("accept-referral", openHandOffSteps);
        Assert.Contains("family-assessment", openHandOffSteps);
        Assert.True(await db.History.CountAsync(h => h.Actor == "demo") > 20);
        // Each referral is on the home page of a caseworker of the organisation that owns it.
        var homePages = new Dictionary<Guid, string>();
        foreach (var referral in referrals)
        {
            var owner = await ReferralAccess.OwnerAsync(db, await ReferralChain.OfAsync(db, referral.Id, default), default);
            Assert.True(owner is not null, $"{referral.CaseCode} has no owning organisation");
            if (!homePages.TryGetValue(owner.Value, out var html))
            {
                var key = (await db.Organisations.SingleAsync(o => o.Id == owner.Value)).Key;
                homePages[owner.Value] = html = await (await TestStaff.MemberAsync(app, organisationKey: key)).Client(app).GetStringAsync("/");
            }
            Assert.Contains(referral.CaseCode, html);
        }
    }

    [Fact]
    public async Task Demo_data_is_not_added_again_to_a_database_that_has_referrals()
    {
        using var file = new SqliteFile();
        int first;
        await using (var app = new WebApp(demo: true, database: file))
        {
            _ = app.CreateClient();
            await using var db = app.OpenDb();
            first = await db.Referrals.CountAsync();
        }

        await using var again = new WebApp(demo: true, database: file);
        _ = again.CreateClient();

        await using var check = again.OpenDb();
        Assert.Equal(first, await check.Referrals.CountAsync());
    }

    [Fact]
    public async Task Demo_data_stays_out_when_switched_off()
    {
        await using var app = new WebApp(demo: false);
        _ = app.CreateClient();

        await using var db = app.OpenDb();
        Assert.Equal(0, await db.Referrals.CountAsync());
    }
}
