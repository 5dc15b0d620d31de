using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReferralFlow.Core.Forwarding;
using ReferralFlow.Core.Replies;
using ReferralFlow.Tests.Web;
using static ReferralFlow.Tests.Web.FormPosts;

namespace ReferralFlow.Tests.Forwarding;

/// <summary>The forward page behind a reply link, posted as a partner's browser posts it, and the sending caseworker's
/// confirmation on the referral page.</summary>
public class ForwardPageTests
{
    [Fact]
    public async Task The_page_lists_alternatives_and_search_results_and_forwarding_to_one_moves_the_request()
    {
        await using var app = new WebApp();
        var forward = await ForwardCase.StartAsync(app, app.Services.GetRequiredService<ReplyLinks>());
        var partner = app.CreateAnonymousClient();

        var page = await GetPageAsync(partner, forward.ForwardPath());
        // Shelter B's alternatives: active Romanian NGOs sharing a service (D is inactive, C offers none of B's).
        Assert.Contains("value=\"ro-shelter-a\"", page);
        Assert.Contains("value=\"ro-shelter-e\"", page);
        Assert.DoesNotContain("value=\"ro-shelter-b\"", page);
        Assert.DoesNotContain("value=\"ro-shelter-d\"", page);
        Assert.Contains("value=\"ro-legal-c\"", await GetPageAsync(partner, forward.ForwardPath() + "?q=legal"));

        var response = await PostAsync(partner, forward.ForwardPath(), page, ("organisation", "ro-shelter-e"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The request was forwarded to Shelter E", await response.Content.ReadAsStringAsync());
        await using (var db = app.OpenDb())
        {
            var e = await db.Organisations.SingleAsync(o => o.Key == "ro-shelter-e");
            Assert.Equal(e.Id, (await db.HandOffs.SingleAsync(h => h.Id == forward.HandOffId)).AddressedOrganisationId);
            // No consent covers Shelter E: the request to it is held, as any request would be.
            Assert.True(await db.HeldRequests.AnyAsync(h => h.HandOffId == forward.HandOffId && h.OrganisationId == e.Id
                && h.Status == Core.Consent.HeldRequestStatus.Held));
        }
        var old = await partner.GetAsync(forward.Path());
        Assert.Equal(HttpStatusCode.Gone, old.StatusCode);
        var html = await old.Content.ReadAsStringAsync();
        Assert.Contains("Request moved", html);
        Assert.DoesNotContain("Shelter E", html);
    }

    [Fact]
    public async Task A_bad_address_is_refused_with_a_sentence_and_a_good_one_waits_for_the_owner_caseworker_to_confirm()
    {
        await using var app = new WebApp();
        var forward = await ForwardCase.StartAsync(app, app.Services.GetRequiredService<ReplyLinks>());
        var partner = app.CreateAnonymousClient();
        var page = await GetPageAsync(partner, forward.ForwardPath());

        var bad = await PostAsync(partner, forward.ForwardPath(), page, ("email", "help desk at other"));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains("Give one e-mail address, such as intake@example.org", badHtml);
        await using (var db = app.OpenDb()) Assert.False(await db.HandOffForwards.AnyAsync());

        var good = await PostAsync(partner, forward.ForwardPath(), page, ("email", "help@other.example.org"));
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Contains("The sender will confirm the address", await good.Content.ReadAsStringAsync());

        var owner = app.CreateClient();
        var referralPage = await GetPageAsync(owner, $"/referrals/{forward.ReferralId}");
        Assert.Contains("Forwards to confirm", referralPage);
        Assert.Contains("help@other.example.org", referralPage);
        Guid forwardId;
        await using (var db = app.OpenDb()) forwardId = (await db.HandOffForwards.SingleAsync()).Id;

        var confirmed = await PostAsync(owner, $"/referrals/{forward.ReferralId}?handler=ConfirmForward&forwardId={forwardId}", referralPage,
            ("organisation", "ro-shelter-e"));

        Assert.True(confirmed.IsSuccessStatusCode, await confirmed.Content.ReadAsStringAsync());
        await using var read = app.OpenDb();
        Assert.Equal(ForwardStatus.Confirmed, (await read.HandOffForwards.SingleAsync()).Status);
        Assert.Equal("help@other.example.org", (await read.HandOffs.SingleAsync(h => h.Id == forward.HandOffId)).AddressedEmail);
        Assert.DoesNotContain("Forwards to confirm", await GetPageAsync(owner, $"/referrals/{forward.ReferralId}"));
    }

    [Fact]
    public async Task The_owner_caseworker_declines_a_proposed_address_and_sends_the_request_to_an_organisation_from_the_referral_page()
    {
        await using var app = new WebApp();
        var forward = await ForwardCase.StartAsync(app, app.Services.GetRequiredService<ReplyLinks>());
        var partner = app.CreateAnonymousClient();
        var proposed = await PostAsync(partner, forward.ForwardPath(), await GetPageAsync(partner, forward.ForwardPath()),
            ("email", "help@other.example.org"));
        Assert.Equal(HttpStatusCode.OK, proposed.StatusCode);
        Guid forwardId;
        await using (var db = app.OpenDb()) forwardId = (await db.HandOffForwards.SingleAsync()).Id;
        var owner = app.CreateClient();
        var url = $"/referrals/{forward.ReferralId}";
        var page = await GetPageAsync(owner, url);
        // The decline button posts the same form elsewhere; the Chromium test clicks it.
        Assert.Matches($"formaction=\"{url}[^\"]*handler=DeclineForward[^\"]*\"", page);
        Assert.Matches($"formaction=\"{url}[^\"]*forwardId={forwardId}[^\"]*\"", page);

        var declined = await PostAsync(owner, $"{url}?handler=DeclineForward&forwardId={forwardId}", page);

        Assert.True(declined.IsSuccessStatusCode, await declined.Content.ReadAsStringAsync());
        Assert.Contains("The address Shelter B (ro-shelter-b) proposed was declined. Nobody is asked", await declined.Content.ReadAsStringAsync());
        var after = await GetPageAsync(owner, url);
        Assert.DoesNotContain("Forwards to confirm", after);
        Assert.Contains("Requests nobody is asked for", after);
        Assert.Contains($"partners assign {await CaseCodeAsync(app, forward.ReferralId)} --role receiving --organisation ID", after);
        // Shelter B said it cannot help: it is not offered.
        Assert.DoesNotContain("<option value=\"ro-shelter-b\">", after);
        await using (var db = app.OpenDb())
            Assert.Equal(ForwardStatus.Declined, (await db.HandOffForwards.SingleAsync()).Status);

        var empty = await PostAsync(owner, $"{url}?handler=SendRequest&handOffId={forward.HandOffId}", after, ("organisation", ""));
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Choose the organisation of the directory to send the request to.", await empty.Content.ReadAsStringAsync());

        var sent = await PostAsync(owner, $"{url}?handler=SendRequest&handOffId={forward.HandOffId}", after, ("organisation", "ro-shelter-e"));

        Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());
        Assert.Contains("goes to Shelter E", await sent.Content.ReadAsStringAsync());
        var last = await GetPageAsync(owner, url);
        Assert.DoesNotContain("Requests nobody is asked for", last);
        await using var read = app.OpenDb();
        var e = await read.Organisations.SingleAsync(o => o.Key == "ro-shelter-e");
        Assert.Equal(e.Id, (await read.HandOffs.SingleAsync(h => h.Id == forward.HandOffId)).AddressedOrganisationId);
    }

    private static async Task<string> CaseCodeAsync(WebApp app, Guid referralId)
    {
        await using var db = app.OpenDb();
        return await db.Referrals.Where(r => r.Id == referralId).Select(r => r.CaseCode).SingleAsync();
    }
}
