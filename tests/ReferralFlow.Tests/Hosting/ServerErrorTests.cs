using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Tests.Web;
using ReferralFlow.Web.Hosting;

namespace ReferralFlow.Tests.Hosting;

public class ServerErrorTests
{
    /// <summary>What the developer page or a raw exception would show: its type, message, stack, source and headers.</summary>
    private static readonly string[] Details = ["no such table", "SqliteException", "Exception", "   at ", ".cs:line", "Microsoft.", "User-Agent", "Host:"];

    [Fact]
    public async Task A_failure_inside_the_api_answers_problem_details_with_a_sentence_and_nothing_of_the_exception()
    {
        await using var app = new WebApp(production: true);
        var client = app.CreateClient();
        await BreakTheDatabaseAsync(app);

        var response = await client.GetAsync("/api/referrals");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.True("application/problem+json" == response.Content.Headers.ContentType?.MediaType, body);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(ServerErrors.Title, problem.GetProperty("title").GetString());
        Assert.Equal(ServerErrors.Detail, problem.GetProperty("detail").GetString());
        Assert.All(Details, detail => Assert.DoesNotContain(detail, body, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_failure_behind_a_page_shows_the_error_page_without_the_exception()
    {
        await using var app = new WebApp(production: true);
        var client = app.CreateClient();
        await BreakTheDatabaseAsync(app);

        var response = await client.GetAsync("/");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Something went wrong", body);
        Assert.All(Details, detail => Assert.DoesNotContain(detail, body, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A real failure deep in a query: the referrals table is gone.</summary>
    private static async Task BreakTheDatabaseAsync(WebApp app)
    {
        await using var db = app.OpenDb();
        var table = db.Model.FindEntityType(typeof(Referral))!.GetTableName();
        var sql = "ALTER TABLE \"" + table + "\" RENAME TO \"gone\"";
        await db.Database.ExecuteSqlRawAsync(sql);
    }
}
