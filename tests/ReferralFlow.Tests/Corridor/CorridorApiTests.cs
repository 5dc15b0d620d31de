using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReferralFlow.Core.Access;
using ReferralFlow.Core.Corridor;
using ReferralFlow.Core.Partners;
using ReferralFlow.Tests.Web;

namespace ReferralFlow.Tests.Corridor;

/// <summary><c>POST /api/referrals/{id}/corridor</c>: the owner's caseworkers change the corridor; a partner's caseworker
/// and a coordinator are refused (403), another organisation does not learn the referral exists (404).</summary>
public class CorridorApiTests
{
    private static async Task<Guid> StartUnknownOriginAsync(HttpClient client)
    {
        var created = await client.PostAsJsonAsync("/api/referrals",
            new { workflow = "transnational-return", corridor = new { origin = "unknown", destination = "DE" } });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task The_owners_caseworker_sets_the_origin_and_the_history_names_them()
    {
        await using var app = new WebApp();
        var client = app.CreateClient();
        var id = await StartUnknownOriginAsync(client);
        Assert.Equal("? → DE", Corridor(await client.GetFromJsonAsync<JsonElement>($"/api/referrals/{id}")));

        var response = await client.PostAsJsonAsync($"/api/referrals/{id}/corridor", new { origin = "RO", transit = new[] { "HU" } });

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("RO", "? → DE", "RO → HU → DE"),
            (body.GetProperty("origin").GetString(), body.GetProperty("was").GetString(), body.GetProperty("now").GetString()));
        Assert.Equal("RO → HU → DE", Corridor(await client.GetFromJsonAsync<JsonElement>($"/api/referrals/{id}")));
        await using var db = app.OpenDb();
        var line = await db.History.SingleAsync(h => h.ReferralId == id && h.Kind == CorridorChange.HistoryKind);
        Assert.Equal(("corridor: ? → DE changed to RO → HU → DE", app.Caseworker.Email), (line.Detail, line.Actor));
        var audit = await db.AuditEntries.SingleAsync(a => a.ReferralId == id && a.Action == CorridorChange.AuditAction);
        Assert.StartsWith("web", audit.Source);
    }

    [Fact]
    public async Task A_code_that_is_no_country_is_refused_with_the_field_and_nothing_changes()
    {
        await using var app = new WebApp();
        var client = app.CreateClient();
        var id = await StartUnknownOriginAsync(client);

        var response = await client.PostAsJsonAsync($"/api/referrals/{id}/corridor", new { origin = "UK" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The corridor cannot change: origin: is not an ISO 3166 alpha-2 country code: write 'GB', or \"unknown\" until it is identified.",
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal("? → DE", Corridor(await client.GetFromJsonAsync<JsonElement>($"/api/referrals/{id}")));
    }

    [Fact]
    public async Task A_partners_caseworker_and_a_coordinator_are_refused_and_another_organisation_finds_nothing()
    {
        await using var app = new WebApp();
        var id = await StartUnknownOriginAsync(app.CreateClient());
        await TestStaff.OrganisationAsync(app, "test-partner-ngo", "RO");
        await using (var db = app.OpenDb())
            await PartnerAssignments.AssignAsync(db, app.Services.GetRequiredService<Core.Definitions.WorkflowLibrary>(), id,
                "receiving", "test-partner-ngo", "tests", DateTimeOffset.UtcNow);
        var partner = (await TestStaff.MemberAsync(app, StaffRoles.Caseworker, "test-partner-ngo")).Client(app);
        var coordinator = (await TestStaff.MemberAsync(app, StaffRoles.Coordinator)).Client(app);
        var stranger = (await TestStaff.MemberAsync(app, StaffRoles.Caseworker, "test-unrelated-ngo")).Client(app);
        var change = new { origin = "RO" };

        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostAsJsonAsync($"/api/referrals/{id}/corridor", change)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.PostAsJsonAsync($"/api/referrals/{id}/corridor", change)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/referrals/{id}/corridor", change)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().PostAsJsonAsync($"/api/referrals/{Guid.NewGuid()}/corridor", change)).StatusCode);
        await using var read = app.OpenDb();
        Assert.Null((await read.Referrals.SingleAsync(r => r.Id == id)).OriginCountry);
        Assert.False(await read.History.AnyAsync(h => h.Kind == CorridorChange.HistoryKind));
    }

    private static string Corridor(JsonElement referral)
    {
        var parties = referral.GetProperty("parties");
        var origin = parties.GetProperty("origin").ValueKind == JsonValueKind.Null ? "?" : parties.GetProperty("origin").GetString();
        return string.Join(" → ", new[] { origin! }.Concat(parties.GetProperty("transit").EnumerateArray().Select(t => t.GetString()!))
            .Append(parties.GetProperty("destination").GetString()!));
    }
}
