using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Partners;
using ReferralFlow.Tests.Infrastructure;
using ReferralFlow.Tests.Partners;
using ReferralFlow.Tests.Web;

namespace ReferralFlow.Tests.People;

public class PersonWebTests
{
    /// <summary>The host with the demo directory, and a client signed in as a caseworker of the intake's sending
    /// organisation (a referral belongs to the organisation that starts it).</summary>
    private static async Task<HttpClient> StartedAsync(WebApp app)
    {
        _ = app.Services;
        await using (var db = app.OpenDb())
            await DirectoryImport.ImportFileAsync(db, Directories.DemoPath);
        return (await TestStaff.MemberAsync(app, organisationKey: AtRest.SendingOrganisation)).Client(app);
    }

    private static JsonObject Body(string workflow = "transnational-return")
    {
        var body = JsonNode.Parse(AtRest.IntakeJson())!.AsObject();
        body["workflow"] = workflow;
        return body;
    }

    [Fact]
    public async Task Web_host_keeps_the_person_out_of_its_logs_and_database_and_shows_it_to_staff_only_on_an_audited_read()
    {
        using var database = new SqliteFile();
        var logs = new CapturedLogs();
        Guid id;
        await using (var app = new WebApp(database: database, logs: logs))
        {
            var client = await StartedAsync(app);

            var created = await client.PostAsJsonAsync("/api/referrals", Body());
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            var page = await client.GetStringAsync($"/referrals/{id}");
            var api = await client.GetStringAsync($"/api/referrals/{id}");
            var shown = await client.GetStringAsync($"/referrals/{id}?person=true");

            Assert.Empty(AtRest.FoundIn([page, api]));
            Assert.Contains("Show the person", page);
            Assert.Contains("Stage: <strong>identification</strong>", page);
            Assert.Contains("corridor RO → HU → AT → DE", System.Net.WebUtility.HtmlDecode(page));
            Assert.Contains(AtRest.Name, shown);
            Assert.Contains(AtRest.DocumentNumber, shown);
            await using var db = app.OpenDb();
            var audit = await db.AuditEntries.Where(e => e.ReferralId == id).OrderBy(e => e.Sequence).ToListAsync();
            Assert.Equal(["person.recorded", "person.read"], audit.Select(e => e.Action));
            Assert.All(audit, e => Assert.StartsWith("web", e.Source));
        }

        // Every level of every category (requests, model binding, pages, the host's own services): none holds the data.
        Assert.Contains(logs.Lines, line => line.StartsWith("Trace ", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, line => line.Contains("ModelBinding", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, line => line.Contains($"/referrals/{id}", StringComparison.Ordinal));
        Assert.Empty(AtRest.FoundIn(logs.Lines));
        Assert.Empty(AtRest.FoundInSqlite(database.Path));
    }

    [Fact]
    public async Task Api_refuses_invalid_intake_with_every_problem_and_creates_nothing()
    {
        await using var app = new WebApp();
        var client = await StartedAsync(app);
        int auditBefore;
        await using (var before = app.OpenDb()) auditBefore = await before.AuditEntries.CountAsync();
        var body = Body();
        body["person"]!["birthDate"] = "17.05.1994";
        body["corridor"]!["origin"] = "UK";
        body["receivingOrganisation"] = "ro-adpar";

        var response = await client.PostAsJsonAsync("/api/referrals", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
        Assert.Contains("3 problems", detail);
        Assert.Contains("$.person.birthDate: is not an ISO date", detail);
        Assert.Contains("$.corridor.origin: is not an ISO 3166 alpha-2 country code: write 'GB'", detail);
        Assert.Contains("$.receivingOrganisation: names no organisation of the directory; did you mean 'ro-adpare'?", detail);
        Assert.DoesNotContain("17.05.1994", detail);
        await using var db = app.OpenDb();
        // No audit entry beyond those of the test caseworker's access token.
        Assert.Equal((0, 0, auditBefore), (await db.Referrals.CountAsync(), await db.PersonRecords.CountAsync(), await db.AuditEntries.CountAsync()));
    }
}
