using ReferralFlow.Core.Definitions;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Web.Demo;

namespace ReferralFlow.Web.Hosting;

/// <summary>Brings the database up to date before anything else runs: migrations, the workflows folder,
/// and on an empty database the demo referrals.</summary>
internal sealed class DatabaseStartup(
    ReferralFlowSettings settings,
    Func<ReferralFlowDb> openDb,
    TimeProvider clock,
    DemoReferrals demo,
    ILogger<DatabaseStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var db = openDb())
        {
            await DatabaseMigrator.MigrateAsync(db, cancellationToken);
            var published = await WorkflowLibrary.PublishAsync(db, settings.WorkflowsDirectory, clock.GetUtcNow(), cancellationToken);
            logger.LogInformation("Database ready on {Provider}; {Count} workflow version(s) newly published",
                db.IsPostgres() ? "PostgreSQL" : "SQLite", published.Count);
        }
        if (!settings.DemoData) return;
        var created = await demo.SeedIfEmptyAsync(cancellationToken);
        if (created > 0) logger.LogInformation("Created {Count} demo referrals on the empty database", created);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
