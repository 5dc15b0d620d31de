using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ReferralFlow.Core.Acting;
using ReferralFlow.Core.CaseEvents;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Tests.Web;

namespace ReferralFlow.Tests.Browser;

/// <summary>The referral page shows its owning caseworker that the case is suspended and its events, and withdraws it
/// only with a reason chosen from the list.</summary>
public sealed class CaseEventsBrowserTests
{
    [Fact]
    public async Task The_owning_caseworker_sees_the_suspension_and_withdraws_with_a_reason_from_the_list()
    {
        await using var app = ListeningApp.Start();
        var started = await app.App.StartOwnedAsync("transnational-return", "coordinator");
        await app.App.Services.GetRequiredService<CaseEventActions>().SuspendAsync(started.Id, "in-hospital", Actor.Operator("tests"));
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.SignedInPageAsync(app.App.Caseworker);

        await page.GotoAsync(new Uri(app.Address, $"referrals/{started.Id}").ToString());

        var section = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "The person's events" }) });
        Assert.Contains("since", await section.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("In hospital", await section.InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        await page.GetByText("Withdraw this referral…").ClickAsync();
        await PageChecks.CheckAsync(page, "referral-case-events");
        await page.GetByLabel("Reason").SelectOptionAsync("duplicate");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Yes, withdraw {started.CaseCode}" }).ClickAsync();
        await page.GetByText("The referral was withdrawn").WaitForAsync();

        await using var db = app.App.OpenDb();
        Assert.Equal(ReferralStatus.Withdrawn, (await db.Referrals.SingleAsync(r => r.Id == started.Id)).Status);
        Assert.Equal("duplicate", (await db.Set<CaseEvent>().SingleAsync(e => e.Kind == CaseEventKinds.Withdrawn)).Code);
    }
}
