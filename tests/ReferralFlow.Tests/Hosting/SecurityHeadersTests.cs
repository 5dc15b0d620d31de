using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using ReferralFlow.Tests.Web;

namespace ReferralFlow.Tests.Hosting;

public partial class SecurityHeadersTests
{
    private static readonly string[] Addresses =
        ["/", "/tasks", "/handoffs", "/mail", "/api/referrals", "/api/tasks", "/health", "/css/site.css", "/reply/no-such-link-0000000000000000000000000", "/nowhere", "/error"];

    [Fact]
    public async Task Every_response_carries_the_security_headers_pages_api_reply_static_and_errors_alike()
    {
        await using var app = new WebApp(demo: true, production: true);
        var client = app.CreateClient();
        var responses = new List<(string, HttpResponseMessage)>();
        foreach (var address in Addresses) responses.Add((address, await client.GetAsync(address)));
        responses.Add(("POST /api/referrals (refused)", await client.PostAsync("/api/referrals", new StringContent("{\"workflow\":\"\\u0000\"}", null, "application/json"))));

        Assert.Contains(responses, r => r.Item2.StatusCode == HttpStatusCode.NotFound);
        Assert.Contains(responses, r => r.Item2.StatusCode == HttpStatusCode.BadRequest);
        foreach (var (address, response) in responses)
        {
            var csp = Header(response, "Content-Security-Policy", address);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Contains("script-src 'self';", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options", address));
            Assert.Equal("no-referrer", Header(response, "Referrer-Policy", address));
            Assert.False(response.Headers.Contains("Strict-Transport-Security"), $"{address}: HSTS over plain HTTP");
        }
    }

    [Fact]
    public async Task Hsts_is_sent_under_https_outside_development()
    {
        await using var app = new WebApp(production: true);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://referralflow.example.org") });

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("max-age=31536000", Header(response, "Strict-Transport-Security", "/health"));
    }

    [Fact]
    public async Task No_page_carries_inline_script_event_handlers_or_inline_style_the_policy_would_block()
    {
        await using var app = new WebApp(demo: true, production: true);
        // A caseworker of the organisation that sent the demo's referrals, so that their pages are listed.
        var client = (await Web.TestStaff.MemberAsync(app, organisationKey: "de-koofra")).Client(app);
        var home = await client.GetStringAsync("/");
        var pages = new List<string> { "/", "/tasks", "/handoffs", "/mail", "/signin", "/account/two-factor", "/account/tokens",
            "/reply/no-such-link-0000000000000000000000000" };
        pages.AddRange(ReferralLink().Matches(home).Select(m => m.Groups[1].Value).Distinct().Take(3));
        Assert.True(pages.Count > 8, "the demo home page lists referrals");

        foreach (var page in pages)
        {
            var html = await (await client.GetAsync(page)).Content.ReadAsStringAsync();
            Assert.False(InlineScript().IsMatch(html), $"{page}: inline <script>");
            Assert.False(EventHandler().IsMatch(html), $"{page}: on… attribute");
            Assert.False(InlineStyle().IsMatch(html), $"{page}: inline style");
        }
    }

    private static string Header(HttpResponseMessage response, string name, string address) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values) : throw new Xunit.Sdk.XunitException($"{address} ({(int)response.StatusCode}) has no {name} header");

    [GeneratedRegex("""href="(/referrals/[0-9a-f-]{36})""")]
    private static partial Regex ReferralLink();

    [GeneratedRegex("""<script(?![^>]*\ssrc=)[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("""<[^>]+\son[a-z]+\s*=""", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandler();

    [GeneratedRegex("""<style|<[^>]+\sstyle\s*=""", RegexOptions.IgnoreCase)]
    private static partial Regex InlineStyle();
}
