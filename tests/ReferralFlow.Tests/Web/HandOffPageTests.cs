using ReferralFlow.Core.Acting;
using System.Net;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.HandOffs;
using static ReferralFlow.Tests.Web.FormPosts;

namespace ReferralFlow.Tests.Web;

/// <summary>The hand-off page: status with sub-status, and the attributed timeline.</summary>
public class HandOffPageTests
{
    [Fact]
    public async Task The_hand_off_page_shows_the_sub_status_and_every_change_with_who_made_it()
    {
        await using var app = new WebApp();
        var client = app.CreateClient();
        await ApiTests.StartAsync(client, "court-appearance");
        Guid handOffId;
        await using (var db = app.OpenDb())
            handOffId = (await db.HandOffs.SingleAsync()).Id;
        await new HandOffProgress(app.OpenDb, TimeProvider.System)
            .RecordAsync(new ProgressReport(handOffId, HandOffSubStatuses.InTransit, HandOffChannels.Phone), Actor.Operator("m.ionescu"));

        var page = await GetPageAsync(client, $"/handoffs/{handOffId}");

        Assert.Contains("badge--active\">in-progress</span>", page);
        Assert.Contains("data-sub-status=\"in-transit\">In transit</span>", page);
        var requested = page.IndexOf("data-change=\"requested\"", StringComparison.Ordinal);
        var progress = page.IndexOf("data-change=\"progress\"", StringComparison.Ordinal);
        Assert.True(requested > 0 && progress > requested, "the timeline lists the request, then the progress");
        Assert.Contains("by the procedure", page);
        Assert.Contains("by staff (m.ionescu), by phone", page);
        Assert.Contains("<span>· in-progress (in-transit)</span>", page);

        var list = await GetPageAsync(client, "/handoffs");
        Assert.Contains($"href=\"/handoffs/{handOffId}\"", list);
        Assert.Contains("In transit", list);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/handoffs/{Guid.NewGuid()}")).StatusCode);
    }
}
