using System.Net;
using Microsoft.Extensions.Logging;
using ReferralFlow.Tests.Infrastructure;
using ReferralFlow.Tests.Replies;
using ReferralFlow.Tests.Web;
using ReferralFlow.Web.Pages.Reply;

namespace ReferralFlow.Tests.Hosting;

public class ReplyTokenLogTests
{
    [Fact]
    public async Task A_reply_link_opened_and_answered_leaves_its_token_in_no_log_line()
    {
        var logs = new CapturedLogs();
        await using var app = ReplyApp.Start(logs);
        var reply = await app.NewCaseAsync();
        var token = reply.Token("declined");

        var page = await FormPosts.GetPageAsync(app.Client, reply.Path("declined"));
        var answered = await FormPosts.PostAsync(app.Client, reply.Path("declined"), page, ("reason", "No free places"));

        Assert.True(answered.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect or HttpStatusCode.SeeOther, answered.StatusCode.ToString());
        // The capture sees every level; the hosting log of both requests is there, with the path redacted. The test server
        // hands the response over before the host logs "Request finished": give that line a moment to arrive.
        for (var wait = 0; wait < 50 && !logs.Lines.Any(l => l.Contains("Request finished", StringComparison.Ordinal)
                 && l.Contains("POST", StringComparison.Ordinal)); wait++)
            await Task.Delay(100);
        var seen = logs.Lines.Where(line => !line.StartsWith(nameof(LogLevel.Trace), StringComparison.Ordinal)).ToList();
        Assert.Contains(seen, line => line.Contains("Request starting", StringComparison.Ordinal) && line.Contains("GET", StringComparison.Ordinal)
            && line.Contains("/reply/{redacted}", StringComparison.Ordinal));
        Assert.Contains(seen, line => line.Contains("Request finished", StringComparison.Ordinal) && line.Contains("POST", StringComparison.Ordinal)
            && line.Contains("/reply/{redacted}", StringComparison.Ordinal));
        Assert.Contains(seen, line => line.StartsWith("Scope ", StringComparison.Ordinal) && line.Contains("RequestPath", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_forward_page_behind_a_reply_link_leaves_its_token_in_no_log_line()
    {
        var logs = new CapturedLogs();
        await using var app = ReplyApp.Start(logs);
        var reply = await app.NewCaseAsync();
        var token = reply.Token("declined");

        var page = await FormPosts.GetPageAsync(app.Client, reply.Path("declined") + "/forward");
        await FormPosts.PostAsync(app.Client, reply.Path("declined") + "/forward", page, ("email", "not an address"));

        for (var wait = 0; wait < 50 && !logs.Lines.Any(l => l.Contains("Request finished", StringComparison.Ordinal)
                 && l.Contains("POST", StringComparison.Ordinal)); wait++)
            await Task.Delay(100);
        Assert.Contains(logs.Lines, line => line.Contains("/reply/{redacted}/forward", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reply_pages_opened_from_one_address_are_limited_per_minute()
    {
        await using var app = ReplyApp.Start();
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i <= ReplyServices.OpensPerAddressPerMinute; i++)
            statuses.Add((await app.Client.GetAsync($"/reply/guess{i:D38}")).StatusCode);

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses[..^1]);
        var limited = await app.Client.GetAsync("/reply/guess-again-000000000000000000000000000");
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("reply pages were opened", await limited.Content.ReadAsStringAsync());
        // Staff pages are not counted against the partner's address.
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("/")).StatusCode);
    }
}
