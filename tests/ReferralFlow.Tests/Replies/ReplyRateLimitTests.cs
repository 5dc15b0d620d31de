using System.Net;
using ReferralFlow.Tests.Web;
using ReferralFlow.Web.Pages.Reply;

namespace ReferralFlow.Tests.Replies;

public class ReplyRateLimitTests
{
    [Fact]
    public async Task Answers_on_one_link_are_limited_per_minute()
    {
        await using var app = ReplyApp.Start();
        var reply = await app.NewCaseAsync();
        var page = await FormPosts.GetPageAsync(app.Client, reply.Path("declined"));
        var before = await app.SnapshotAsync(reply);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= ReplyServices.AnswersPerTokenPerMinute; i++)
            statuses.Add((await FormPosts.PostAsync(app.Client, reply.Path("declined"), page, ("reason", ""))).StatusCode);

        Assert.All(statuses[..^1], s => Assert.Equal(HttpStatusCode.BadRequest, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        var limited = await FormPosts.PostAsync(app.Client, reply.Path("declined"), page, ("reason", "No free places"));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("Too many attempts", await limited.Content.ReadAsStringAsync());
        Assert.Equal(before, await app.SnapshotAsync(reply));
        // Opening the link is not an answer and stays possible.
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync(reply.Path("declined"))).StatusCode);
    }

    [Fact]
    public async Task Answers_from_one_address_are_limited_per_minute_whatever_the_token()
    {
        await using var app = ReplyApp.Start();
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i <= ReplyServices.AnswersPerAddressPerMinute; i++)
            statuses.Add((await app.Client.PostAsync($"/reply/guess{i:D38}", new FormUrlEncodedContent([]))).StatusCode);

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses[..^1]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }
}
