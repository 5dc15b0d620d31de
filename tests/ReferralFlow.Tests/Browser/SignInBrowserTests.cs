using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ReferralFlow.Core.Access;
using ReferralFlow.Core.Consent;
using ReferralFlow.Core.Intake;
using ReferralFlow.Tests.Access;
using ReferralFlow.Tests.People;
using ReferralFlow.Tests.Web;

namespace ReferralFlow.Tests.Browser;

/// <summary>Signing in as a person does it, in Debian's Chromium: password and authenticator code, the set-up of the
/// authenticator on a first sign-in, the lockout, and what a partner organisation's caseworker sees.</summary>
public sealed class SignInBrowserTests
{
    [Fact]
    public async Task A_caseworker_signs_in_with_a_password_and_an_authenticator_code()
    {
        await using var app = ListeningApp.Start();
        var member = await TestStaff.MemberAsync(app.App, twoFactor: true);
        var key = member.AuthenticatorKey!;
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync();

        await page.GotoAsync(new Uri(app.Address, "/tasks").ToString());
        Assert.EndsWith("/signin?ReturnUrl=%2Ftasks", page.Url, StringComparison.OrdinalIgnoreCase);
        await PageChecks.CheckAsync(page, "signin");
        await page.SetViewportSizeAsync(360, 740);
        await PageChecks.CheckAsync(page, "signin-phone");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), "the sign-in page fits a phone");
        await page.SetViewportSizeAsync(1280, 720);
        await page.GetByLabel("E-mail").FillAsync(member.Email);
        await page.GetByLabel("Password").FillAsync(member.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        Assert.Equal("Two-factor sign-in", await page.Locator("h1").InnerTextAsync());
        await PageChecks.CheckAsync(page, "signin-two-factor");
        await page.GetByLabel("Code from your authenticator app").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        Assert.Equal("Open tasks", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("Test caseworker", await page.Locator("header").InnerTextAsync(), StringComparison.Ordinal);
        await PageChecks.CheckAsync(page, "referrals-signed-in");
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "rf.session");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        Assert.Equal("Sign in", await page.Locator("h1").InnerTextAsync());
    }

    [Fact]
    public async Task A_caseworker_without_an_authenticator_sets_one_up_before_anything_else()
    {
        await using var app = ListeningApp.Start();
        var member = await TestStaff.MemberAsync(app.App);
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync();

        await SignInAsync(page, app, member);
        Assert.EndsWith("/account/two-factor", page.Url, StringComparison.Ordinal);
        await page.GotoAsync(new Uri(app.Address, "/tasks").ToString());
        Assert.EndsWith("/account/two-factor", page.Url, StringComparison.Ordinal);
        Assert.Contains("set up two-factor sign-in before you continue", await page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
        var qr = await page.Locator("img.qr").EvaluateAsync<int>("img => img.naturalWidth");
        Assert.True(qr > 100, "the QR code image loads");
        await PageChecks.CheckAsync(page, "two-factor-setup");

        var key = await page.GetByTestId("shared-key").InnerTextAsync();
        await page.GetByLabel("Code from the app").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();

        Assert.Equal(10, await page.GetByTestId("recovery-codes").Locator("li").CountAsync());
        await PageChecks.CheckAsync(page, "two-factor-recovery-codes");
        await page.GotoAsync(new Uri(app.Address, "/tasks").ToString());
        Assert.Equal("Open tasks", await page.Locator("h1").InnerTextAsync());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_so_the_right_one_is_refused_too()
    {
        await using var app = ListeningApp.Start();
        var member = await TestStaff.MemberAsync(app.App, twoFactor: true);
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync();

        for (var attempt = 1; attempt <= StaffIdentity.MaxFailedSignIns; attempt++)
        {
            await SignInAsync(page, app, member with { Password = $"not the password {attempt}" });
            Assert.Contains(attempt < StaffIdentity.MaxFailedSignIns ? "is not right" : "locked",
                await page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
        }
        await SignInAsync(page, app, member);

        Assert.Contains("locked after 5 wrong passwords. Try again in 15 minutes", await page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
        await PageChecks.CheckAsync(page, "signin-locked");
        await using var scope = app.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = (await users.FindByIdAsync(member.UserId.ToString()))!;
        Assert.True(await users.IsLockedOutAsync(user));
        Assert.InRange(user.LockoutEnd!.Value - app.Clock.GetUtcNow(), TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task A_partner_caseworker_sees_the_case_code_but_the_person_only_once_consent_covers_its_organisation()
    {
        await using var app = ListeningApp.Start();
        var owner = app.App.Caseworker;
        var partner = await TestStaff.MemberAsync(app.App, organisationKey: "test-partner-ngo", twoFactor: true);
        var intake = IntakeReader.Parse(AtRest.IntakeJson(), "intake") with
        {
            SendingOrganisation = owner.OrganisationKey, ReceivingOrganisation = partner.OrganisationKey,
        };
        var started = (await app.App.Services.GetRequiredService<ReferralStart>()
            .StartAsync("transnational-return", intake, Core.Acting.Actor.Operator("tests"))).Referral;
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync();
        await SignInAsync(page, app, partner);
        await page.GetByLabel("Code from your authenticator app").FillAsync(Totp.Code(partner.AuthenticatorKey!));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = started.CaseCode }).ClickAsync();
        Assert.Contains(started.CaseCode, await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("not shared with you", await page.GetByTestId("person-withheld").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Show the person's data" }).CountAsync());
        await page.GotoAsync(page.Url + "?person=true");
        Assert.DoesNotContain(AtRest.Name, await page.ContentAsync(), StringComparison.Ordinal);
        await PageChecks.CheckAsync(page, "referral-as-partner-without-consent");

        await ConsentRecording.RecordAsync(app.App.OpenDb, app.Clock,
            new ConsentInput(started.Id, partner.OrganisationKey, "share-data", "written", "person", false), Core.Acting.Actor.Operator("tests"));
        await page.GotoAsync(new Uri(app.Address, $"/referrals/{started.Id}").ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "Show the person's data" }).ClickAsync();

        Assert.Contains(AtRest.Name, await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await PageChecks.CheckAsync(page, "referral-as-partner-with-consent");
    }

    private static async Task SignInAsync(IPage page, ListeningApp app, TestMember member)
    {
        await page.GotoAsync(new Uri(app.Address, "/signin").ToString());
        await page.GetByLabel("E-mail").FillAsync(member.Email);
        await page.GetByLabel("Password").FillAsync(member.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }
}
