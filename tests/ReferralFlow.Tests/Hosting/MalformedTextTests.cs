using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Tests.Infrastructure;
using ReferralFlow.Tests.Web;

namespace ReferralFlow.Tests.Hosting;

/// <summary>Text no column can hold (a NUL, half a surrogate pair) is refused at the door with a sentence on both
/// databases: PostgreSQL refuses a NUL in text, and a lone surrogate cannot even be decoded.</summary>
public class MalformedTextTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Api_refuses_a_lone_surrogate_and_a_nul_with_400_naming_the_field_and_creates_nothing(string provider)
    {
        await using var host = await HostAsync(provider);
        var client = host.App.CreateClient();

        var surrogate = await PostJsonAsync(client, """{"workflow":"transnational-return","person":{"fullName":"Ana \ud800"}}""");
        var nul = await PostJsonAsync(client, """{"workflow":"transnational-return","sendingOrganisation":"ngo\u0000"}""");
        var nested = await PostJsonAsync(client, """{"workflow":"transnational-return","variables":{"referral.source":"\udfff"}}""");

        Assert.Contains("$.person.fullName holds half of a UTF-16 surrogate pair", surrogate);
        Assert.Contains("$.sendingOrganisation holds a NUL character (U+0000)", nul);
        Assert.Contains("$.variables['referral.source'] holds half", nested);
        Assert.All(new[] { surrogate, nul, nested }, detail => Assert.DoesNotContain("Ana", detail));
        await using var db = host.App.OpenDb();
        Assert.Equal(0, await db.Referrals.CountAsync());
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_form_field_with_a_nul_is_refused_with_400_and_json_typed_into_a_field_with_a_sentence(string provider)
    {
        await using var host = await HostAsync(provider);
        var client = host.App.CreateClient();
        var page = await FormPosts.GetPageAsync(client, "/");
        var token = Uri.EscapeDataString(FormPosts.AntiforgeryToken(page));

        var nul = await PostFormAsync(client, $"workflow=transnational-return%00&input=&__RequestVerificationToken={token}");
        // A browser sends half a surrogate pair typed into a field as U+FFFD, a character like any other; JSON typed
        // into the start form's input field can still spell one, and is read by the same rule as a JSON body.
        var typed = await client.PostAsync("/?handler=Start", new FormUrlEncodedContent([
            KeyValuePair.Create("workflow", "transnational-return"), KeyValuePair.Create("input", """{"monitoring.months": "\ud800"}"""),
            KeyValuePair.Create("__RequestVerificationToken", FormPosts.AntiforgeryToken(page))]));

        Assert.Equal(HttpStatusCode.BadRequest, nul.StatusCode);
        Assert.Contains("a field holds a NUL character (U+0000)", await nul.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, typed.StatusCode);
        Assert.Contains("The text at $[&#x27;monitoring.months&#x27;] holds half of a UTF-16 surrogate pair", await typed.Content.ReadAsStringAsync());
        await using var db = host.App.OpenDb();
        Assert.Equal(0, await db.Referrals.CountAsync());
    }

    private static async Task<string> PostJsonAsync(HttpClient client, string json)
    {
        var response = await client.PostAsync("/api/referrals", new StringContent(json, Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString()!;
    }

    private static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string body) =>
        client.PostAsync("/?handler=Start", new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded"));

    private static async Task<Host> HostAsync(string provider)
    {
        if (provider == "sqlite") return new Host(new WebApp(production: true), null);
        var connection = await PostgresServer.CreateDatabaseAsync("malformed");
        return new Host(new WebApp(production: true, connectionString: connection), connection);
    }

    private sealed record Host(WebApp App, string? Postgres) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await App.DisposeAsync();
            if (Postgres is not null) await PostgresServer.DropDatabaseAsync(Postgres);
        }
    }
}
