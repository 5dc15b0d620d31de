using Microsoft.Extensions.DependencyInjection;
using ReferralFlow.Core.Access;
using ReferralFlow.Core.Acting;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Runtime;
using ReferralFlow.Tests.Web;

namespace ReferralFlow.Tests.Browser;

/// <summary>A coordinator opens the partnership gaps from the navigation in a real browser: places and services where
/// nobody was found, the case code linked only for a case of their own network.</summary>
public sealed class PartnershipGapsBrowserTests
{
    [Fact]
    public async Task A_coordinator_sees_where_the_network_has_nobody_and_only_the_case_codes_they_may_see()
    {
        await using var app = ListeningApp.Start();
        var own = await app.App.StartOwnedAsync("transnational-return", "caseworker");
        // Started without a sending organisation: no web user takes part in it.
        var other = await app.App.Services.GetRequiredService<ReferralRuntime>()
            .StartAsync("transnational-return", new Dictionary<string, System.Text.Json.Nodes.JsonNode?>(), Actor.Operator("cli"));
        await using (var db = app.App.OpenDb())
        {
            var at = app.Clock.GetUtcNow();
            db.PartnershipGaps.AddRange(
                Gap(own, at, "RO", "Nord-Est", "Iasi", "shelter"),
                Gap(other, at.AddHours(-2), "BG", null, null, "family-assessment"));
            await db.SaveChangesAsync();
        }
        var coordinator = await TestStaff.MemberAsync(app.App, StaffRoles.Coordinator);
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.SignedInPageAsync(coordinator);

        await page.GotoAsync(app.Address.ToString());
        await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Partnership gaps" }).ClickAsync();
        await page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "Partnership gaps" }).WaitForAsync();

        var rows = page.Locator("table tbody tr");
        Assert.Equal(2, await rows.CountAsync());
        var first = await rows.Nth(0).InnerTextAsync();
        Assert.Contains("Nord-Est", first);
        Assert.Contains("Iasi", first);
        Assert.Contains(own.CaseCode, first);
        var second = await rows.Nth(1).InnerTextAsync();
        Assert.Contains("another organisation's case", second);
        Assert.DoesNotContain(other.CaseCode, await page.ContentAsync());
        await PageChecks.CheckAsync(page, "partnership-gaps");
    }

    private static PartnershipGap Gap(StartedReferral referral, DateTimeOffset at, string country, string? region, string? city, string service) => new()
    {
        Id = Guid.NewGuid(), RecordedAt = at, ReferralId = referral.Id, CaseCode = referral.CaseCode, StepId = "alternative-placement",
        Country = country, Region = region, City = city, Service = service, Kind = "ngo",
    };
}
