using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Access;
using ReferralFlow.Core.CaseEvents;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Tests.Web;

namespace ReferralFlow.Tests.CaseEvents;

/// <summary>The case-event endpoints as the owning caseworker uses them, and what another organisation's caseworker
/// and the owner's own coordinator get (404, nothing changed); the authorisation matrix covers every other caller.</summary>
public class CaseEventApiTests
{
    [Fact]
    public async Task The_owning_caseworker_suspends_resumes_and_withdraws_with_a_reason_its_coordinator_gets_403_and_others_404()
    {
        await using var app = new WebApp();
        var owner = app.CreateClient();
        var id = await ApiTests.StartAsync(owner, "transnational-return");
        await TestStaff.OrganisationAsync(app, "test-other-ngo", "FR");
        var other = (await TestStaff.MemberAsync(app, StaffRoles.Caseworker, "test-other-ngo")).Client(app);
        var coordinator = (await TestStaff.MemberAsync(app, StaffRoles.Coordinator)).Client(app);

        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/referrals/{id}/suspend", new { reason = "in-hospital" })).StatusCode);
        // The owner's coordinator sees the referral but does not work it.
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.PostAsJsonAsync($"/api/referrals/{id}/suspend", new { reason = "in-hospital" })).StatusCode);
        var suspended = await owner.PostAsJsonAsync($"/api/referrals/{id}/suspend", new { reason = "in-hospital" });
        Assert.Equal(HttpStatusCode.OK, suspended.StatusCode);
        Assert.Equal("suspended", (await suspended.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.OK, (await owner.PostAsJsonAsync($"/api/referrals/{id}/resume", new { })).StatusCode);

        var noReason = await owner.PostAsJsonAsync($"/api/referrals/{id}/withdraw", new { });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Give the reason for withdrawing", (await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/referrals/{id}/withdraw", new { reason = "duplicate" })).StatusCode);
        await using (var db = app.OpenDb())
            Assert.Equal(ReferralStatus.Active, (await db.Referrals.SingleAsync(r => r.Id == id)).Status);

        Assert.Equal(HttpStatusCode.OK, (await owner.PostAsJsonAsync($"/api/referrals/{id}/withdraw", new { reason = "duplicate" })).StatusCode);
        var contact = await owner.PostAsJsonAsync($"/api/referrals/{id}/contacts", new { on = "2026-13-01", channel = "phone", kind = "check-in" });
        Assert.Equal(HttpStatusCode.BadRequest, contact.StatusCode);

        await using var check = app.OpenDb();
        Assert.Equal(ReferralStatus.Withdrawn, (await check.Referrals.SingleAsync(r => r.Id == id)).Status);
        Assert.Equal(["resumed", "suspended", "withdrawn"],
            (await check.Set<CaseEvent>().Where(e => e.ReferralId == id).Select(e => e.Kind).ToListAsync()).Order());
        Assert.True(await check.AuditEntries.AnyAsync(e => e.Action == "case.withdrawn" && e.ReferralId == id && e.Source.StartsWith("web")));
    }
}
