using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Tests.Infrastructure;
using ReferralFlow.Web.Hosting;

namespace ReferralFlow.Tests.Web;

/// <summary>The web host on its own SQLite file, with the shipped workflows; demo data and the timer worker
/// are off unless a test turns them on. Never touches ./data.</summary>
/// <remarks>The factory is keyed by a type of the web assembly other than <c>Program</c>: this project also sees
/// the CLI's top-level <c>Program</c> (through its InternalsVisibleTo), which makes the name ambiguous here.</remarks>
public sealed class WebApp : WebApplicationFactory<ReferralFlowSettings>
{
    private readonly SqliteFile database;
    private readonly bool ownsDatabase;

    public WebApp(bool demo = false, TimeProvider? clock = null, bool workers = false, SqliteFile? database = null)
    {
        this.database = database ?? new SqliteFile();
        ownsDatabase = database is null;
        Demo = demo;
        Clock = clock;
        Workers = workers;
    }

    public bool Demo { get; }
    public bool Workers { get; }
    public TimeProvider? Clock { get; }

    public ReferralFlowDb OpenDb() => new(DatabaseProvider.Options(database.ConnectionString));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting(ReferralFlowSettings.Database, database.ConnectionString);
        builder.UseSetting(ReferralFlowSettings.Workflows, Path.Combine(AppContext.BaseDirectory, "workflows"));
        builder.UseSetting(ReferralFlowSettings.Demo, Demo ? "true" : "false");
        builder.UseSetting(ReferralFlowSettings.TimerWorkers, Workers ? "true" : "false");
        if (Clock is { } clock)
            builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton(clock)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && ownsDatabase) database.Dispose();
    }
}
