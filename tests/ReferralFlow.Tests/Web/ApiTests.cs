using ReferralFlow.Core.Acting;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace ReferralFlow.Tests.Web;

public class ApiTests
{
    [Fact]
    public async Task Completing_the_first_task_through_the_api_moves_the_referral_on()
    {
        await using var app = new WebApp();
        var client = app.CreateClient();

        var created = await client.PostAsJsonAsync("/api/referrals", new { workflow = "transnational-return" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var started = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = started.GetProperty("id").GetGuid();
        Assert.Matches("^RF-[0-9]{4}-[A-Z0-9]{5}$", started.GetProperty("caseCode").GetString());
        Assert.Equal($"/api/referrals/{id}", created.Headers.Location?.OriginalString);

        var intake = Assert.Single(OpenSteps(await client.GetFromJsonAsync<JsonElement>($"/api/referrals/{id}")));
        Assert.Equal(("intake-identification", "task"), (intake.GetProperty("step").GetString(), intake.GetProperty("kind").GetString()));

        var completed = await client.PostAsJsonAsync($"/api/tasks/{intake.GetProperty("id").GetGuid()}/complete",
            new { outcome = "identified", data = new Dictionary<string, object> { ["referral.source"] = "ngo" }, form = new { notes = "Met at the shelter." } });
        Assert.Equal(HttpStatusCode.NoContent, completed.StatusCode);

        var next = Assert.Single(OpenSteps(await client.GetFromJsonAsync<JsonElement>($"/api/referrals/{id}")));
        Assert.Equal("risk-needs-assessment", next.GetProperty("step").GetString());
        var tasks = await client.GetFromJsonAsync<JsonElement>("/api/tasks");
        Assert.Equal("risk-needs-assessment", Assert.Single(tasks.EnumerateArray()).GetProperty("step").GetString());
    }

    [Fact]
    public async Task An_undeclared_outcome_is_refused_with_the_allowed_outcomes_and_changes_nothing()
    {
        await using var app = new WebApp();
        var client = app.CreateClient();
        var id = await StartAsync(client, "transnational-return");
        var taskId = Assert.Single(OpenSteps(await client.GetFromJsonAsync<JsonElement>($"/api/referrals/{id}"))).GetProperty("id").GetGuid();
        var historyBefore = await HistoryCountAsync(app, id);

        var response = await client.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "approved" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        Assert.Contains("'approved' is not an outcome", detail);
        Assert.Contains("identified, presumed-minor, not-identified, declined-assistance", detail);
        await using var db = app.OpenDb();
        Assert.Equal(Core.Tasks.WorkTaskStatus.Open, (await db.Tasks.SingleAsync(t => t.Id == taskId)).Status);
        Assert.Equal(historyBefore, await HistoryCountAsync(app, id));
    }

    [Fact]
    public async Task A_partner_answer_recorded_through_the_api_closes_the_hand_off()
    {
        await using var app = new WebApp();
        var client = app.CreateClient();
        var id = await StartAsync(client, "court-appearance");
        var handOff = Assert.Single(OpenSteps(await client.GetFromJsonAsync<JsonElement>($"/api/referrals/{id}")));
        Assert.Equal("handoff", handOff.GetProperty("kind").GetString());

        var response = await client.PostAsJsonAsync($"/api/handoffs/{handOff.GetProperty("id").GetGuid()}/answer",
            new { outcome = "informed", channel = "phone" });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var next = Assert.Single(OpenSteps(await client.GetFromJsonAsync<JsonElement>($"/api/referrals/{id}")));
        Assert.Equal("witness-consent", next.GetProperty("step").GetString());
        await using var db = app.OpenDb();
        Assert.Equal("phone", (await db.HandOffs.SingleAsync()).Channel);
    }

    [Fact]
    public async Task Unknown_ids_are_not_found()
    {
        await using var app = new WebApp();
        var client = app.CreateClient();
        var unknown = Guid.NewGuid();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/referrals/{unknown}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await client.PostAsJsonAsync($"/api/tasks/{unknown}/complete", new { outcome = "identified" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await client.PostAsJsonAsync($"/api/handoffs/{unknown}/answer", new { outcome = "accepted" })).StatusCode);
    }

    [Fact]
    public async Task Starting_an_unpublished_workflow_is_refused_with_the_published_ones()
    {
        await using var app = new WebApp();

        var response = await app.CreateClient().PostAsJsonAsync("/api/referrals", new { workflow = "shelter" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        Assert.Contains("child-return, court-appearance, monitoring, transnational-return", detail);
        await using var db = app.OpenDb();
        Assert.Equal(0, await db.Referrals.CountAsync());
    }

    internal static async Task<Guid> StartAsync(HttpClient client, string workflow)
    {
        var created = await client.PostAsJsonAsync("/api/referrals", new { workflow });
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static IEnumerable<JsonElement> OpenSteps(JsonElement referral) =>
        referral.GetProperty("openSteps").EnumerateArray();

    private static async Task<int> HistoryCountAsync(WebApp app, Guid referralId)
    {
        await using var db = app.OpenDb();
        return await db.History.CountAsync(h => h.ReferralId == referralId);
    }
}
