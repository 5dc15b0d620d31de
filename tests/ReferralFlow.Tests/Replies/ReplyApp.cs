using Microsoft.Extensions.DependencyInjection;
using ReferralFlow.Core.Replies;
using ReferralFlow.Core.Runtime;
using ReferralFlow.Engine.Simulation;
using ReferralFlow.Tests.Infrastructure;
using ReferralFlow.Tests.Runtime;
using ReferralFlow.Tests.Web;

namespace ReferralFlow.Tests.Replies;

/// <summary>The web host on a temp SQLite file with a virtual clock (workers off, so only the test moves time), and
/// a referral waiting at its accept-referral request with links issued.</summary>
internal sealed class ReplyApp : IAsyncDisposable
{
    private ReplyApp(WebApp app, VirtualClock clock)
    {
        App = app;
        Clock = clock;
        Client = app.CreateClient();
    }

    public WebApp App { get; }
    public VirtualClock Clock { get; }
    public HttpClient Client { get; }
    public ReferralRuntime Runtime => App.Services.GetRequiredService<ReferralRuntime>();
    public ReplyLinks Links => App.Services.GetRequiredService<ReplyLinks>();

    public static ReplyApp Start(CapturedLogs? logs = null)
    {
        var clock = new VirtualClock(RuntimeHarness.Start);
        return new ReplyApp(new WebApp(clock: clock, logs: logs), clock);
    }

    public Task<ReplyCase> NewCaseAsync(Guid? contactId = null) => ReplyCase.AtAcceptReferralAsync(Runtime, Links, contactId);

    public Task<string> SnapshotAsync(ReplyCase reply) => reply.SnapshotAsync(App.OpenDb);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }
}
