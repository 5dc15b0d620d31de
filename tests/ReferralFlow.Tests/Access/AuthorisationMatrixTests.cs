using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReferralFlow.Core.Access;
using ReferralFlow.Core.Consent;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Tasks;
using ReferralFlow.Tests.People;
using ReferralFlow.Tests.Web;
using Xunit.Abstractions;

namespace ReferralFlow.Tests.Access;

/// <summary>
/// Every endpoint the web host maps (read from its own EndpointDataSource) against every kind of caller: anonymous, a
/// caseworker of the owning organisation, a caseworker of a partner organisation without and with a share-data consent,
/// a caseworker of an unrelated organisation, a coordinator and an administrator (of the owning organisation). An
/// endpoint missing from the table fails the test, so a new endpoint cannot ship without a decision.
/// </summary>
public class AuthorisationMatrixTests(ITestOutputHelper output)
{
    private const string Partner = "test-partner-ngo";
    private const string SharedPartner = "test-shared-ngo";
    private const string Unrelated = "test-unrelated-ngo";

    private enum Actor { Anonymous, Owner, PartnerWithoutConsent, PartnerWithConsent, Unrelated, Coordinator, Administrator }

    /// <summary>The expected status per actor, in <see cref="Actor"/> order, and where the person may appear.</summary>
    private sealed record Row(string Method, string Url, int[] Status, Actor[]? SeesPerson = null, Func<Ids, object>? Body = null);

    private sealed record Ids(Guid Referral, Guid Task, Guid HandOff, string CaseCode);

    private static readonly Dictionary<string, Row> Matrix = new()
    {
        // Pages. 302 = sent to the sign-in page.
        ["GET /"] = new("GET", "/", [302, 200, 200, 200, 200, 200, 200]),
        ["GET /referrals/{id:guid}"] = new("GET", "/referrals/{referral}?person=true", [302, 200, 200, 200, 404, 200, 404],
            SeesPerson: [Actor.Owner, Actor.PartnerWithConsent]),
        // By case code: a redirect to the referral's page for whoever may see it (issue 9 §4).
        ["GET /referrals/{**code}"] = new("GET", "/referrals/{code}", [302, 302, 302, 302, 404, 302, 404]),
        ["GET /tasks"] = new("GET", "/tasks", [302, 200, 200, 200, 200, 200, 200]),
        ["GET /tasks/complete/{id:guid}"] = new("GET", "/tasks/complete/{task}", [302, 200, 404, 404, 404, 404, 404]),
        ["GET /handoffs"] = new("GET", "/handoffs", [302, 200, 200, 200, 200, 200, 200]),
        ["GET /handoffs/{id:guid}"] = new("GET", "/handoffs/{handoff}", [302, 200, 200, 404, 404, 200, 404]),
        ["GET /mail"] = new("GET", "/mail", [302, 200, 200, 200, 200, 200, 200]),
        ["GET /account/two-factor/{handler?}"] = new("GET", "/account/two-factor", [302, 200, 200, 200, 200, 200, 200]),
        ["GET /account/tokens/{handler?}"] = new("GET", "/account/tokens", [302, 200, 200, 200, 200, 200, 200]),
        ["GET /admin/settings"] = new("GET", "/admin/settings", [302, 403, 403, 403, 403, 403, 200]),
        ["GET /partners/gaps"] = new("GET", "/partners/gaps", [302, 403, 403, 403, 403, 200, 200]),
        // Public: the same answer for everyone.
        ["GET /signin"] = new("GET", "/signin", [200, 302, 302, 302, 302, 302, 302]),
        ["GET /signin/two-factor"] = new("GET", "/signin/two-factor", [302, 302, 302, 302, 302, 302, 302]),
        ["GET /signout"] = new("GET", "/signout", [200, 200, 200, 200, 200, 200, 200]),
        ["GET /access-denied"] = new("GET", "/access-denied", [403, 403, 403, 403, 403, 403, 403]),
        ["GET /error"] = new("GET", "/error", [200, 200, 200, 200, 200, 200, 200]),
        ["GET /reply/{token}"] = new("GET", "/reply/not-a-real-token", [404, 404, 404, 404, 404, 404, 404]),
        ["GET /reply/{token}/forward"] = new("GET", "/reply/not-a-real-token/forward", [404, 404, 404, 404, 404, 404, 404]),
        ["GET /health"] = new("GET", "/health", [200, 200, 200, 200, 200, 200, 200]),
        // API. 401 = no credentials.
        ["GET /api/referrals"] = new("GET", "/api/referrals", [401, 200, 200, 200, 200, 200, 200]),
        ["GET /api/referrals/{id:guid}"] = new("GET", "/api/referrals/{referral}", [401, 200, 200, 200, 404, 200, 404]),
        ["GET /api/referrals/{**code}"] = new("GET", "/api/referrals/{code}", [401, 200, 200, 200, 404, 200, 404]),
        ["POST /api/referrals"] = new("POST", "/api/referrals", [401, 201, 201, 201, 201, 403, 403],
            Body: _ => new { workflow = "transnational-return" }),
        ["GET /api/tasks"] = new("GET", "/api/tasks", [401, 200, 200, 200, 200, 200, 200]),
        // An outcome no step has: an allowed caller reaches the check (400), nobody else learns the task exists.
        ["POST /api/tasks/{id:guid}/complete"] = new("POST", "/api/tasks/{task}/complete", [401, 400, 404, 404, 404, 404, 404],
            Body: _ => new { outcome = "no-such-outcome" }),
        ["POST /api/handoffs/{id:guid}/answer"] = new("POST", "/api/handoffs/{handoff}/answer", [401, 400, 404, 404, 404, 404, 404],
            Body: _ => new { outcome = "no-such-outcome", channel = "phone" }),
        // The person's own events: the owning caseworkers reach the check of the code (400); a partner or coordinator is
        // refused; nobody else learns of the referral.
        ["POST /api/referrals/{id:guid}/missing"] = new("POST", "/api/referrals/{referral}/missing", [401, 400, 403, 403, 404, 403, 404],
            Body: _ => new { kind = "no-such-kind" }),
        ["POST /api/referrals/{id:guid}/suspend"] = new("POST", "/api/referrals/{referral}/suspend", [401, 400, 403, 403, 404, 403, 404],
            Body: _ => new { reason = "no-such-reason" }),
        ["POST /api/referrals/{id:guid}/resume"] = new("POST", "/api/referrals/{referral}/resume", [401, 400, 403, 403, 404, 403, 404],
            Body: _ => new { }),
        ["POST /api/referrals/{id:guid}/leave"] = new("POST", "/api/referrals/{referral}/leave", [401, 400, 403, 403, 404, 403, 404],
            Body: _ => new { reason = "no-such-reason" }),
        ["POST /api/referrals/{id:guid}/withdraw"] = new("POST", "/api/referrals/{referral}/withdraw", [401, 400, 403, 403, 404, 403, 404],
            Body: _ => new { reason = "no-such-reason" }),
        ["POST /api/referrals/{id:guid}/contacts"] = new("POST", "/api/referrals/{referral}/contacts", [401, 400, 403, 403, 404, 403, 404],
            Body: _ => new { on = "2027-01-04", channel = "phone", kind = "check-in" }),
        // A code that is no country: the owner's caseworker reaches the check (400); a partner or coordinator is refused.
        ["POST /api/referrals/{id:guid}/corridor"] = new("POST", "/api/referrals/{referral}/corridor", [401, 400, 403, 403, 404, 403, 404],
            Body: _ => new { origin = "UK" }),
    };

    [Fact]
    public async Task Every_endpoint_answers_every_kind_of_caller_as_the_access_rule_says()
    {
        await using var app = new WebApp();
        var owner = app.Caseworker;
        var clients = new Dictionary<Actor, HttpClient>
        {
            [Actor.Anonymous] = app.CreateAnonymousClient(followRedirects: false),
            [Actor.Owner] = owner.Client(app, followRedirects: false),
            [Actor.PartnerWithoutConsent] = (await TestStaff.MemberAsync(app, StaffRoles.Caseworker, Partner)).Client(app, followRedirects: false),
            [Actor.PartnerWithConsent] = (await TestStaff.MemberAsync(app, StaffRoles.Caseworker, SharedPartner)).Client(app, followRedirects: false),
            [Actor.Unrelated] = (await TestStaff.MemberAsync(app, StaffRoles.Caseworker, Unrelated)).Client(app, followRedirects: false),
            [Actor.Coordinator] = (await TestStaff.MemberAsync(app, StaffRoles.Coordinator)).Client(app, followRedirects: false),
            [Actor.Administrator] = (await TestStaff.MemberAsync(app, StaffRoles.Administrator)).Client(app, followRedirects: false),
        };
        foreach (var client in clients.Values) client.DefaultRequestHeaders.Add("Accept", "text/html,application/json");
        var ids = await CaseAsync(app, clients[Actor.Owner]);

        var mapped = MappedEndpoints(app);
        var missing = mapped.Except(Matrix.Keys).ToList();
        Assert.True(missing.Count == 0, "Endpoints without a row in the authorisation matrix: " + string.Join(", ", missing));
        var stale = Matrix.Keys.Except(mapped).ToList();
        Assert.True(stale.Count == 0, "Rows for endpoints the host no longer maps: " + string.Join(", ", stale));

        var failures = new List<string>();
        foreach (var (endpoint, row) in Matrix)
        {
            foreach (var actor in Enum.GetValues<Actor>())
            {
                using var response = await SendAsync(clients[actor], row, ids);
                var body = await response.Content.ReadAsStringAsync();
                var expected = row.Status[(int)actor];
                if ((int)response.StatusCode != expected)
                    failures.Add($"{endpoint} as {actor}: {(int)response.StatusCode}, expected {expected}");
                var seesPerson = body.Contains(AtRest.Name, StringComparison.Ordinal);
                if (seesPerson != (row.SeesPerson?.Contains(actor) ?? false))
                    failures.Add($"{endpoint} as {actor}: the person's name {(seesPerson ? "appears" : "is missing")}");
            }
        }
        output.WriteLine($"Authorisation matrix: {Matrix.Count} endpoints x {clients.Count} callers = {Matrix.Count * clients.Count} requests");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>"METHOD /route" for every endpoint of the host: pages answer GET (their handlers post to the same route).</summary>
    private static List<string> MappedEndpoints(WebApp app) =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Route: e.RoutePattern.RawText?.TrimStart('/').ToLowerInvariant(), Endpoint: e))
            // A folder's Index page is mapped twice, as "folder" and "folder/index": one row covers both.
            .Where(e => e.Route is not null && e.Route != "index" && !e.Route.EndsWith("/index", StringComparison.Ordinal))
            .SelectMany(e => (e.Endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => $"{method} /{e.Route}"))
            .Distinct().Order()];

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, Row row, Ids ids)
    {
        var url = row.Url.Replace("{referral}", ids.Referral.ToString()).Replace("{task}", ids.Task.ToString())
            .Replace("{handoff}", ids.HandOff.ToString()).Replace("{code}", ids.CaseCode);
        return row.Method == "POST" ? client.PostAsJsonAsync(url, row.Body!(ids)) : client.GetAsync(url);
    }

    /// <summary>A court appearance started by the owning organisation with a person, its receiving role played by the
    /// partner (whose request goes to it), its investigating police by the organisation with a share-data consent; and a
    /// return whose intake task is the owner's.</summary>
    private static async Task<Ids> CaseAsync(WebApp app, HttpClient owner)
    {
        await TestStaff.OrganisationAsync(app, Partner, "RO");
        await TestStaff.OrganisationAsync(app, SharedPartner, "RO", "police");
        await TestStaff.OrganisationAsync(app, Unrelated, "FR");
        var body = JsonNode.Parse(AtRest.IntakeJson())!.AsObject();
        body["workflow"] = "court-appearance";
        body.Remove("sendingOrganisation");
        body["receivingOrganisation"] = Partner;
        body["variables"] = JsonNode.Parse("""{ "court.hearingAt": "2027-03-01T09:00:00Z" }""");
        var created = await owner.PostAsJsonAsync("/api/referrals", body);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var createdBody = await created.Content.ReadFromJsonAsync<JsonElement>();
        var referral = createdBody.GetProperty("id").GetGuid();

        var clock = app.Services.GetRequiredService<TimeProvider>();
        await using (var db = app.OpenDb())
        {
            await PartnerAssignments.AssignAsync(db, app.Services.GetRequiredService<Core.Definitions.WorkflowLibrary>(), referral,
                "investigating-police", SharedPartner, "tests", clock.GetUtcNow());
        }
        await ConsentRecording.RecordAsync(app.OpenDb, clock,
            new ConsentInput(referral, SharedPartner, "share-data", "written", "person", false), Core.Acting.Actor.Operator("tests"));

        var other = await ApiTests.StartAsync(owner, "transnational-return");
        await using var read = app.OpenDb();
        var task = await read.Tasks.Where(t => t.ReferralId == other && t.Status == WorkTaskStatus.Open).Select(t => t.Id).FirstAsync();
        var handOff = await read.HandOffs.Where(h => h.ReferralId == referral).Select(h => h.Id).FirstAsync();
        return new Ids(referral, task, handOff, createdBody.GetProperty("caseCode").GetString()!);
    }
}
