using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ReferralFlow.Core.Access;
using ReferralFlow.Core.Consent;
using ReferralFlow.Core.Partners;
using ReferralFlow.Tests.Web;

namespace ReferralFlow.Tests.Browser;

/// <summary>A coordinator shares a case urgently without consent from the referral page in a real browser; the page
/// then says so at the top.</summary>
public sealed class VitalInterestsBrowserTests
{
    [Fact]
    public async Task A_coordinator_shares_on_vital_interests_and_the_referral_page_says_so()
    {
        await using var app = ListeningApp.Start();
        var started = await app.App.StartOwnedAsync("transnational-return", "caseworker");
        var partner = await TestStaff.OrganisationAsync(app.App, "ro-test-shelter", "RO", "shelter");
        await using (var db = app.App.OpenDb())
            await PartnerAssignments.AssignAsync(db, app.App.Services.GetRequiredService<Core.Definitions.WorkflowLibrary>(), started.Id,
                "receiving", partner.Key, "caseworker", app.Clock.GetUtcNow());
        var coordinator = await TestStaff.MemberAsync(app.App, StaffRoles.Coordinator);
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.SignedInPageAsync(coordinator);

        await page.GotoAsync(new Uri(app.Address, $"referrals/{started.Id}").ToString());
        await page.GetByText("Share urgently without consent (vital interests)").ClickAsync();
        await page.GetByLabel("Share with").SelectOptionAsync(partner.Key);
        await page.GetByLabel("For", new() { Exact = true }).SelectOptionAsync("refer");
        await page.GetByLabel("Because").SelectOptionAsync("unable-to-consent");
        await PageChecks.CheckAsync(page, "referral-vital-interests-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Share on vital interests" }).ClickAsync();

        var banner = page.GetByTestId("vital-interests");
        await banner.WaitForAsync();
        Assert.Contains("Unable to consent", await banner.InnerTextAsync(), StringComparison.Ordinal);
        await PageChecks.CheckAsync(page, "referral-vital-interests-shown");
        await using var check = app.App.OpenDb();
        Assert.Equal(ConsentBases.VitalInterests, (await check.Consents.SingleAsync()).Basis);
    }
}
