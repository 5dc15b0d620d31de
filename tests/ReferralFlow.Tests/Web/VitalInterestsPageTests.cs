using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReferralFlow.Core.Access;
using ReferralFlow.Core.Consent;
using ReferralFlow.Core.Partners;
using static ReferralFlow.Tests.Web.FormPosts;

namespace ReferralFlow.Tests.Web;

/// <summary>Issue 9 §5: on the referral page, a coordinator of the owning organisation shares on vital interests; the
/// case says so; nobody else may.</summary>
public class VitalInterestsPageTests
{
    [Fact]
    public async Task A_coordinator_shares_on_vital_interests_from_the_referral_page_and_a_caseworker_may_not()
    {
        await using var app = new WebApp();
        var (url, partner, coordinator) = await WithPartnerAsync(app);

        var caseworker = app.CreateClient();
        var caseworkerPage = await GetPageAsync(caseworker, url);
        var refused = await PostAsync(caseworker, $"{url}?handler=VitalInterests", caseworkerPage,
            ("recipient", partner.Key), ("purpose", "refer"), ("reason", "medical-emergency"));
        var client = coordinator.Client(app);
        var page = await GetPageAsync(client, url);
        var shared = await PostAsync(client, $"{url}?handler=VitalInterests", page,
            ("recipient", partner.Key), ("purpose", "refer"), ("reason", "medical-emergency"));

        Assert.DoesNotContain("Share urgently without consent", caseworkerPage);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Share urgently without consent", page);
        var after = await shared.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, shared.StatusCode);
        Assert.Contains("Shared without consent", after);
        Assert.Contains("Medical emergency", after);
        await using var check = app.OpenDb();
        var decision = await check.Consents.SingleAsync();
        Assert.Equal((ConsentBases.VitalInterests, "medical-emergency", partner.Id), (decision.Basis, decision.VitalInterestReason, decision.OrganisationId));
        Assert.Contains("coordinator", (await check.AuditEntries.SingleAsync(a => a.Action == VitalInterests.AuditAction)).Detail);
    }

    [Fact]
    public async Task A_reason_outside_the_list_is_refused_on_the_page_and_nothing_is_recorded()
    {
        await using var app = new WebApp();
        var (url, partner, coordinator) = await WithPartnerAsync(app);
        var client = coordinator.Client(app);
        var page = await GetPageAsync(client, url);

        var response = await PostAsync(client, $"{url}?handler=VitalInterests", page,
            ("recipient", partner.Key), ("purpose", "refer"), ("reason", "she asked us to"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nothing was changed.", await response.Content.ReadAsStringAsync());
        await using var check = app.OpenDb();
        Assert.Equal(0, await check.Consents.CountAsync());
    }

    /// <summary>A referral of the host's caseworker's organisation with a receiving partner, and a coordinator of that
    /// organisation.</summary>
    private static async Task<(string Url, Organisation Partner, TestMember Coordinator)> WithPartnerAsync(WebApp app)
    {
        var (referral, partner) = await app.StartOwnedWithPartnerAsync();
        return ($"/referrals/{referral.Id}", partner, await TestStaff.MemberAsync(app, StaffRoles.Coordinator));
    }
}
