using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Access;
using ReferralFlow.Engine.Simulation;
using ReferralFlow.Tests.Web;

namespace ReferralFlow.Tests.Access;

/// <summary>Personal access tokens: made on the tokens page and shown once, stored only as a hash, good for the API
/// until they expire or are revoked, and never good for a disabled user.</summary>
public partial class AccessTokenTests
{
    private static readonly DateTimeOffset Start = new(2027, 1, 4, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_token_made_on_the_page_is_shown_once_stored_hashed_and_opens_the_api_until_it_expires()
    {
        var clock = new VirtualClock(Start);
        await using var app = new WebApp(clock: clock);
        var client = app.CreateClient();
        var page = await FormPosts.GetPageAsync(client, "/account/tokens");

        var made = await FormPosts.PostAsync(client, "/account/tokens/create", page, ("Name", "case sync"), ("Days", "7"));
        var html = await made.Content.ReadAsStringAsync();
        var token = NewToken().Match(html).Groups[1].Value;
        Assert.StartsWith(PersonalAccessTokens.Prefix, token, StringComparison.Ordinal);
        Assert.DoesNotContain(token, await (await client.GetAsync("/account/tokens")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using (var db = app.OpenDb())
        {
            var stored = await db.AccessTokens.SingleAsync(t => t.Name == "case sync");
            Assert.Equal(PersonalAccessTokens.Hash(token), stored.TokenHash);
            Assert.NotEqual(token, stored.TokenHash);
            Assert.Equal(Start.AddDays(7), stored.ExpiresAt);
            Assert.Contains(await db.AuditEntries.Select(e => e.Action).ToListAsync(), a => a == "access-token.created");
        }

        var api = Bearer(app, token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/referrals")).StatusCode);
        clock.Advance(TimeSpan.FromDays(7));
        var expired = await api.GetAsync("/api/referrals");
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Equal("Bearer", expired.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task A_revoked_token_is_refused_at_once()
    {
        await using var app = new WebApp();
        var client = app.CreateClient();
        var member = app.Caseworker;
        Guid id;
        await using (var db = app.OpenDb()) id = (await db.AccessTokens.SingleAsync(t => t.UserId == member.UserId)).Id;
        var other = await TestStaff.MemberAsync(app);
        var otherClient = other.Client(app);
        var page = await FormPosts.GetPageAsync(otherClient, "/account/tokens");

        // Someone else's token cannot be revoked: it does not exist for them.
        var foreign = await FormPosts.PostAsync(otherClient, $"/account/tokens/revoke?id={id}", page);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/referrals")).StatusCode);

        var own = await FormPosts.GetPageAsync(client, "/account/tokens");
        await FormPosts.PostAsync(client, $"/account/tokens/revoke?id={id}", own);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(app, member.Token).GetAsync("/api/referrals")).StatusCode);
        await using var read = app.OpenDb();
        Assert.NotNull((await read.AccessTokens.SingleAsync(t => t.Id == id)).RevokedAt);
    }

    [Fact]
    public async Task A_token_of_a_disabled_user_or_an_unknown_token_opens_nothing()
    {
        await using var app = new WebApp();
        var member = await TestStaff.MemberAsync(app);
        Assert.Equal(HttpStatusCode.OK, (await Bearer(app, member.Token).GetAsync("/api/tasks")).StatusCode);
        await using (var db = app.OpenDb())
        {
            var user = await db.Users.SingleAsync(u => u.Id == member.UserId);
            user.DisabledAt = Start;
            await db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(app, member.Token).GetAsync("/api/tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(app, PersonalAccessTokens.Prefix + "made-up").GetAsync("/api/tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(app, "not even a token").GetAsync("/api/tasks")).StatusCode);
    }

    private static HttpClient Bearer(WebApp app, string token)
    {
        var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [GeneratedRegex("data-testid=\"new-token\">([^<]+)<")]
    private static partial Regex NewToken();
}
