using System.Net;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Access;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Tests.Web;
using static ReferralFlow.Tests.Web.FormPosts;

namespace ReferralFlow.Tests.Access;

/// <summary>What a page offers is not all that guards it: a partner organisation's caseworker, or a coordinator, who can
/// see a referral page and so holds a valid form token, still cannot withdraw the referral, retry it or complete the
/// owner's tasks by posting the forms by hand.</summary>
public class PartnerActionTests
{
    [Theory]
    [InlineData(StaffRoles.Caseworker, "test-partner-ngo")]
    [InlineData(StaffRoles.Coordinator, TestStaff.OwnOrganisation)]
    public async Task A_viewer_who_does_not_work_the_referral_cannot_withdraw_it_or_complete_its_tasks(string role, string organisation)
    {
        await using var app = new WebApp();
        await TestStaff.OrganisationAsync(app, "test-partner-ngo", "RO");
        var owner = app.CreateClient();
        var started = await owner.PostAsync("/api/referrals", System.Net.Http.Json.JsonContent.Create(
            new { workflow = "court-appearance", receivingOrganisation = "test-partner-ngo",
                variables = new Dictionary<string, object> { ["court.hearingAt"] = "2027-03-01T09:00:00Z" } }));
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Guid id;
        await using (var db = app.OpenDb()) id = await db.Referrals.Select(r => r.Id).SingleAsync();
        var viewer = (await TestStaff.MemberAsync(app, role, organisation)).Client(app, followRedirects: false);
        var url = $"/referrals/{id}";
        var page = await GetPageAsync(viewer, url);
        Assert.DoesNotContain("handler=Withdraw", page, StringComparison.Ordinal);

        var withdraw = await PostAsync(viewer, $"{url}?handler=Withdraw", page);
        var retry = await PostAsync(viewer, $"{url}?handler=Retry", page);
        // Confirming an address a partner proposed is the owner's caseworkers' alone (Forwarding/).
        var confirm = await PostAsync(viewer, $"{url}?handler=ConfirmForward&forwardId={Guid.NewGuid()}", page, ("organisation", "test-partner-ngo"));
        var decline = await PostAsync(viewer, $"{url}?handler=DeclineForward&forwardId={Guid.NewGuid()}", page);
        var send = await PostAsync(viewer, $"{url}?handler=SendRequest&handOffId={Guid.NewGuid()}", page, ("organisation", "test-partner-ngo"));

        Assert.Equal(HttpStatusCode.Forbidden, withdraw.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, retry.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, confirm.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, decline.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, send.StatusCode);
        await using var read = app.OpenDb();
        Assert.Equal(ReferralStatus.Active, (await read.Referrals.SingleAsync()).Status);
    }
}
