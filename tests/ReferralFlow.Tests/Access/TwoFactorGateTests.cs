using System.Net;
using ReferralFlow.Core.Access;
using ReferralFlow.Tests.Web;

namespace ReferralFlow.Tests.Access;

/// <summary>Two-factor sign-in is required of the roles that read the person's data; only a demo may lift it.</summary>
public class TwoFactorGateTests
{
    [Fact]
    public async Task A_caseworker_signed_in_with_a_password_alone_reaches_only_the_authenticator_set_up()
    {
        await using var app = new WebApp();
        var member = await TestStaff.MemberAsync(app);
        var browser = await SignedInWithPasswordAsync(app, member);

        var tasks = await browser.GetAsync("/tasks");
        Assert.Equal(HttpStatusCode.Redirect, tasks.StatusCode);
        Assert.Equal("/account/two-factor", tasks.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/api/referrals")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/two-factor")).StatusCode);
    }

    [Fact]
    public async Task A_coordinator_who_never_sees_the_person_needs_no_second_factor()
    {
        await using var app = new WebApp();
        var member = await TestStaff.MemberAsync(app, StaffRoles.Coordinator);
        var browser = await SignedInWithPasswordAsync(app, member);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/tasks")).StatusCode);
    }

    [Fact]
    public async Task The_requirement_can_be_lifted_on_a_demo_only()
    {
        await using var app = new WebApp();
        var admin = await TestStaff.MemberAsync(app, StaffRoles.Administrator);
        var client = admin.Client(app);
        var page = await FormPosts.GetPageAsync(client, "/admin/settings");
        Assert.Contains("It can be lifted only on a demo deployment", page, StringComparison.Ordinal);

        var refused = await FormPosts.PostAsync(client, "/admin/settings", page, ("required", "false"));
        Assert.Contains("can be lifted only for a demo", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using (var db = app.OpenDb()) Assert.False(await TwoFactorRequirement.IsLiftedAsync(db, CancellationToken.None));

        // On a demo the administrator's choice holds, and a caseworker with a password alone gets in.
        await using (var db = app.OpenDb())
            await TwoFactorRequirement.SetAsync(db, required: false, demoDeployment: true, Core.Acting.Actor.Operator("tests"),
                DateTimeOffset.UnixEpoch, CancellationToken.None);
        var caseworker = await SignedInWithPasswordAsync(app, await TestStaff.MemberAsync(app));
        Assert.Equal(HttpStatusCode.OK, (await caseworker.GetAsync("/tasks")).StatusCode);
    }

    /// <summary>A cookie session, signed in through the sign-in form as a browser would, without following redirects.</summary>
    private static async Task<HttpClient> SignedInWithPasswordAsync(WebApp app, TestMember member)
    {
        var browser = app.CreateAnonymousClient(followRedirects: false);
        var form = await FormPosts.GetPageAsync(browser, "/signin");
        var signedIn = await FormPosts.PostAsync(browser, "/signin", form, ("Email", member.Email), ("Password", member.Password));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return browser;
    }
}
