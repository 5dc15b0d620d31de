using ReferralFlow.Core.Acting;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Engine.Simulation;

namespace ReferralFlow.Tests.Web;

public class TimerLoopTests
{
    private static readonly DateTimeOffset Monday = new(2027, 1, 4, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_background_worker_fires_deadlines_that_fall_due()
    {
        var clock = new VirtualClock(Monday);
        await using var app = new WebApp(clock: clock, workers: true);
        var client = app.CreateClient();
        var id = await ApiTests.StartAsync(client, "transnational-return");

        // Identification is due in 48 hours: a reminder 12 hours before, the coordinator told an hour after.
        clock.Advance(TimeSpan.FromHours(50));

        var kinds = await WaitForHistoryAsync(app, id, "escalated");
        Assert.Contains("reminder", kinds);
        Assert.Contains("deadline-missed", kinds);
        await using var db = app.OpenDb();
        Assert.Equal(2, await db.OutboxMessages.CountAsync(m => m.ReferralId == id && m.Kind != "request"));
    }

    [Fact]
    public async Task The_background_worker_stays_off_when_switched_off()
    {
        var clock = new VirtualClock(Monday);
        await using var app = new WebApp(clock: clock, workers: false);
        var id = await ApiTests.StartAsync(app.CreateClient(), "transnational-return");

        clock.Advance(TimeSpan.FromHours(50));
        await Task.Delay(TimeSpan.FromMilliseconds(300));

        await using var db = app.OpenDb();
        Assert.DoesNotContain(await db.History.Where(h => h.ReferralId == id).Select(h => h.Kind).ToListAsync(), k => k == "reminder");
    }

    private static async Task<List<string>> WaitForHistoryAsync(WebApp app, Guid referralId, string kind)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var db = app.OpenDb();
            var kinds = await db.History.Where(h => h.ReferralId == referralId).OrderBy(h => h.Id).Select(h => h.Kind).ToListAsync();
            if (kinds.Contains(kind) || attempt == 100) return kinds;
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }
}
