using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Tests.Replies;

namespace ReferralFlow.Tests.Browser;

/// <summary>A partner answers an e-mailed request in a real browser (Debian's Chromium), through the reply link alone.</summary>
public sealed class PartnerReplyBrowserTests
{
    [Fact]
    public async Task A_partner_declines_through_the_link_is_told_what_to_fix_then_the_answer_is_recorded_once()
    {
        await using var app = ListeningApp.Start();
        var reply = await ReplyCase.AtAcceptReferralAsync(app.Runtime, app.Links);
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync();

        var opened = await page.GotoAsync(app.Url(reply.Link("declined").Url));

        Assert.Equal(200, opened!.Status);
        Assert.Equal("Answer a request", await page.Locator("h1").InnerTextAsync());
        Assert.Contains(reply.CaseCode, await page.Locator("body").InnerTextAsync(), StringComparison.Ordinal);
        // A partner page: no staff navigation, nothing that leads into the case-management pages.
        Assert.Equal(0, await page.Locator("a[href^='/referrals'], a[href^='/tasks']").CountAsync());

        // Sent without the required reason: the browser shows what to fix, and nothing is recorded.
        await page.Locator("textarea[name=reason]").EvaluateAsync("e => e.removeAttribute('required')");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send answer" }).ClickAsync();
        Assert.Contains("Nothing was sent yet", await page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("true", await page.Locator("textarea[name=reason]").GetAttributeAsync("aria-invalid"));
        Assert.Equal(HandOffStatus.Received, await StatusAsync(app, reply));

        await page.Locator("textarea[name=reason]").FillAsync("No bed free before March; ask the regional office.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send answer" }).ClickAsync();

        Assert.Equal("Answer recorded", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("Declined", await page.GetByRole(AriaRole.Status).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(HandOffStatus.Rejected, await StatusAsync(app, reply));

        // The other answer's link is now spent: a plain page with 410, nothing changed.
        var second = await page.GotoAsync(app.Url(reply.Link("accepted").Url));
        Assert.Equal(410, second!.Status);
        Assert.Equal("Answer already recorded", await page.Locator("h1").InnerTextAsync());
        Assert.DoesNotContain(reply.CaseCode, await page.Locator("body").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(HandOffStatus.Rejected, await StatusAsync(app, reply));
    }

    private static async Task<HandOffStatus> StatusAsync(ListeningApp app, ReplyCase reply)
    {
        await using var db = app.App.OpenDb();
        return await db.HandOffs.Where(h => h.Id == reply.HandOffId).Select(h => h.Status).SingleAsync();
    }
}
