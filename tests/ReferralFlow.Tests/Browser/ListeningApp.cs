using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using ReferralFlow.Core.Replies;
using ReferralFlow.Core.Runtime;
using ReferralFlow.Engine.Simulation;
using ReferralFlow.Tests.Runtime;
using ReferralFlow.Tests.Web;

namespace ReferralFlow.Tests.Browser;

/// <summary>The web host listening on a free loopback port through Kestrel (a browser cannot reach the in-memory test
/// server), on its own SQLite file and a virtual clock.</summary>
internal sealed class ListeningApp : IAsyncDisposable
{
    private ListeningApp(WebApp app, VirtualClock clock, Uri address)
    {
        App = app;
        Clock = clock;
        Address = address;
    }

    public WebApp App { get; }
    public VirtualClock Clock { get; }
    public Uri Address { get; }
    public ReferralRuntime Runtime => App.Services.GetRequiredService<ReferralRuntime>();
    public ReplyLinks Links => App.Services.GetRequiredService<ReplyLinks>();

    public static ListeningApp Start()
    {
        var clock = new VirtualClock(RuntimeHarness.Start);
        var app = new WebApp(clock: clock);
        app.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ListeningApp(app, clock, new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal) + "/"));
    }

    /// <summary>The path of a reply link, on this host.</summary>
    public string Url(string link) => new Uri(Address, new Uri(link).AbsolutePath).ToString();

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
