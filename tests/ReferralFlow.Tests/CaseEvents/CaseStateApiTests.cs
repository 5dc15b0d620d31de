using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ReferralFlow.Core.Access;
using ReferralFlow.Core.Acting;
using ReferralFlow.Core.CaseEvents;
using ReferralFlow.Core.Definitions;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Tests.Web;

namespace ReferralFlow.Tests.CaseEvents;

/// <summary>GET /api/referrals/{id} carries the case state as "case": whole for the owning organisation; for a partner,
/// only that the case is suspended and since when (Core/Access/PartnerView).</summary>
public class CaseStateApiTests
{
    [Fact]
    public async Task The_owner_reads_the_whole_case_state_and_a_partner_only_that_the_case_is_suspended_since_when()
    {
        await using var app = new WebApp();
        var owner = app.CreateClient();
        var id = await ApiTests.StartAsync(owner, "transnational-return");
        var partnerOrganisation = await TestStaff.OrganisationAsync(app, "ro-test-shelter", "RO", "shelter");
        await using (var db = app.OpenDb())
            await PartnerAssignments.AssignAsync(db, app.Services.GetRequiredService<WorkflowLibrary>(), id, "receiving",
                partnerOrganisation.Key, "caseworker", DateTimeOffset.UtcNow);
        var partner = (await TestStaff.MemberAsync(app, StaffRoles.Caseworker, partnerOrganisation.Key)).Client(app);
        var ownCoordinator = (await TestStaff.MemberAsync(app, StaffRoles.Coordinator)).Client(app);
        await TestStaff.OrganisationAsync(app, "test-unrelated-ngo", "FR");
        var stranger = (await TestStaff.MemberAsync(app, StaffRoles.Caseworker, "test-unrelated-ngo")).Client(app);

        // Before anything happened, nobody reads a suspension.
        Assert.Equal(JsonValueKind.Null, (await CaseAsync(partner, id)).GetProperty("suspended").ValueKind);

        var clock = app.Services.GetRequiredService<TimeProvider>();
        await Transactions.RunAsync(app.Services.GetRequiredService<Func<ReferralFlowDb>>(), Actor.Operator("caseworker"), unit =>
            AirTravelWarning.PlanAsync(unit, id, 30, clock.GetUtcNow(), new Core.Escort.AirTravelLimits(), TimeSpan.FromDays(14), default), default);
        Assert.Equal(HttpStatusCode.OK, (await owner.PostAsJsonAsync($"/api/referrals/{id}/suspend", new { reason = "in-hospital" })).StatusCode);

        foreach (var ownSide in new[] { owner, ownCoordinator })
        {
            var state = await CaseAsync(ownSide, id);
            Assert.Equal("in-hospital", state.GetProperty("suspended").GetProperty("reason").GetString());
            Assert.False(string.IsNullOrEmpty(state.GetProperty("suspended").GetProperty("suspendedBy").GetString()));
            Assert.Equal(JsonValueKind.String, state.GetProperty("airTravelUntil").ValueKind);
            Assert.Equal(JsonValueKind.String, state.GetProperty("airTravelWarningAt").ValueKind);
            Assert.Equal(["air-travel-limit", "suspended"], state.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
        }

        var response = await partner.GetAsync($"/api/referrals/{id}");
        var raw = await response.Content.ReadAsStringAsync();
        var seen = JsonDocument.Parse(raw).RootElement.GetProperty("case");
        var suspended = seen.GetProperty("suspended");
        Assert.Equal((await CaseAsync(owner, id)).GetProperty("suspended").GetProperty("suspendedAt").GetDateTimeOffset(),
            suspended.GetProperty("suspendedAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, suspended.GetProperty("reason").ValueKind);
        Assert.Equal(JsonValueKind.Null, suspended.GetProperty("suspendedBy").ValueKind);
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("airTravelUntil").ValueKind);
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("airTravelWarningAt").ValueKind);
        Assert.Empty(seen.GetProperty("events").EnumerateArray());
        Assert.DoesNotContain("hospital", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("air-travel", raw, StringComparison.OrdinalIgnoreCase);
        // The same view by case code; nothing at all for an organisation that takes no part.
        var code = (await owner.GetFromJsonAsync<JsonElement>($"/api/referrals/{id}")).GetProperty("caseCode").GetString();
        Assert.Equal(JsonValueKind.Null, (await partner.GetFromJsonAsync<JsonElement>($"/api/referrals/{code}"))
            .GetProperty("case").GetProperty("suspended").GetProperty("reason").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/referrals/{id}")).StatusCode);
    }

    private static async Task<JsonElement> CaseAsync(HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/api/referrals/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("case");
    }
}
