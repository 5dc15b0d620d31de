using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ReferralFlow.Core.Forwarding;
using ReferralFlow.Tests.Forwarding;

namespace ReferralFlow.Tests.Browser;

/// <summary>A partner that cannot help forwards a request from its reply link in a real browser, proposing an address
/// outside the directory, and the sending caseworker confirms it on the referral page; each page is checked (screenshot
/// and axe) on a desktop and at 390 px, a phone's width.</summary>
public sealed class ForwardBrowserTests
{
    [Fact]
    public async Task A_partner_proposes_an_address_and_the_sending_caseworker_confirms_it()
    {
        await using var app = ListeningApp.Start();
        var forward = await ForwardCase.StartAsync(app.App, app.Links);
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync();

        await page.GotoAsync(new Uri(app.Address, forward.Path().TrimStart('/')).ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "We cannot help; forward to …" }).ClickAsync();

        Assert.Equal("Forward this request", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(2, await page.GetByRole(AriaRole.Radio).CountAsync());
        await CheckBothWidthsAsync(page, "forward");
        await page.GetByLabel("Search by name").FillAsync("legal");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        Assert.Contains("Legal C", await page.GetByRole(AriaRole.Group).InnerTextAsync(), StringComparison.Ordinal);

        await page.GetByLabel("E-mail address of the organisation that can help").FillAsync("help@other.example.org");
        await page.GetByRole(AriaRole.Button, new() { Name = "Propose this address" }).ClickAsync();

        Assert.Equal("Address sent to the sender", await page.Locator("h1").InnerTextAsync());
        await PageChecks.CheckAsync(page, "forward-proposed");

        var staff = await chromium.SignedInPageAsync(app.App.Caseworker);
        await staff.GotoAsync(new Uri(app.Address, $"referrals/{forward.ReferralId}").ToString());
        var awaiting = staff.Locator("section", new() { Has = staff.GetByRole(AriaRole.Heading, new() { Name = "Forwards to confirm" }) });
        Assert.Contains("help@other.example.org", await awaiting.InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await awaiting.GetByRole(AriaRole.Button, new() { Name = "Decline this address" }).IsVisibleAsync());
        await CheckBothWidthsAsync(staff, "referral-forward-to-confirm");
        await staff.GetByLabel("Organisation of the directory this address belongs to").SelectOptionAsync("ro-shelter-e");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Confirm and forward" }).ClickAsync();
        await staff.WaitForSelectorAsync("text=goes to Shelter E at the confirmed address");

        await using var db = app.App.OpenDb();
        Assert.Equal(ForwardStatus.Confirmed, (await db.HandOffForwards.SingleAsync()).Status);
        Assert.Equal("help@other.example.org", (await db.HandOffs.SingleAsync(h => h.Id == forward.HandOffId)).AddressedEmail);
    }

    [Fact]
    public async Task The_sending_caseworker_declines_a_proposed_address_and_sends_the_request_to_an_organisation()
    {
        await using var app = ListeningApp.Start();
        var forward = await ForwardCase.StartAsync(app.App, app.Links);
        // No token: the partner has no account. The factory's own options reach the listening host.
        var partner = app.App.ClientWith(null);
        var proposed = await Web.FormPosts.PostAsync(partner, forward.ForwardPath(), await Web.FormPosts.GetPageAsync(partner, forward.ForwardPath()),
            ("email", "help@other.example.org"));
        Assert.True(proposed.IsSuccessStatusCode);
        await using var chromium = await Chromium.LaunchAsync();
        var staff = await chromium.SignedInPageAsync(app.App.Caseworker);
        await staff.GotoAsync(new Uri(app.Address, $"referrals/{forward.ReferralId}").ToString());

        await staff.GetByRole(AriaRole.Button, new() { Name = "Decline this address" }).ClickAsync();

        await staff.WaitForSelectorAsync("text=proposed was declined. Nobody is asked");
        var unasked = staff.Locator("section", new() { Has = staff.GetByRole(AriaRole.Heading, new() { Name = "Requests nobody is asked for" }) });
        Assert.Contains("Shelter B (ro-shelter-b) cannot help", await unasked.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await staff.GetByRole(AriaRole.Heading, new() { Name = "Forwards to confirm" }).CountAsync());
        await CheckBothWidthsAsync(staff, "referral-request-nobody-asked");
        await staff.GetByLabel("Organisation of the directory to send it to").SelectOptionAsync("ro-shelter-e");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Send the request" }).ClickAsync();
        await staff.WaitForSelectorAsync("text=goes to Shelter E");
        Assert.Equal(0, await unasked.CountAsync());

        await using var db = app.App.OpenDb();
        Assert.Equal([ForwardStatus.Declined, ForwardStatus.Forwarded],
            await db.HandOffForwards.OrderBy(f => f.ProposedAt).ThenBy(f => f.Status).Select(f => f.Status).ToListAsync());
    }

    private static async Task CheckBothWidthsAsync(IPage page, string name)
    {
        await PageChecks.CheckAsync(page, name);
        await page.SetViewportSizeAsync(390, 844);
        await PageChecks.CheckAsync(page, name + "-390");
        var wider = await page.EvaluateAsync<string>("""
            [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 391)
              .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')
            """);
        Assert.True(wider.Length == 0, $"'{name}' is wider than a phone: {wider}");
        await page.SetViewportSizeAsync(1280, 720);
    }
}
