using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Definitions;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Protection;
using ReferralFlow.Core.Replies;
using ReferralFlow.Web.Demo;

namespace ReferralFlow.Web.Hosting;

/// <summary>Brings the database up to date before anything else runs: migrations, reply answers an older version stored
/// in clear (encrypted now, <see cref="PlainAnswers"/>), the workflows folder,
/// and on an empty database the demo partner directory, the demo referrals and the demo users.</summary>
internal sealed class DatabaseStartup(
    ReferralFlowSettings settings,
    Func<ReferralFlowDb> openDb,
    IServiceProvider services,
    TimeProvider clock,
    DemoReferrals demo,
    ILogger<DatabaseStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var db = openDb())
        {
            await DatabaseMigrator.MigrateAsync(db, cancellationToken);
            var protectedAnswers = await PlainAnswers.ProtectAsync(openDb, services.GetRequiredService<PersonalDataProtector>,
                clock.GetUtcNow(), cancellationToken);
            if (protectedAnswers > 0)
                logger.LogInformation("Encrypted {Count} reply answer(s) an older version stored in clear", protectedAnswers);
            var published = await WorkflowLibrary.PublishAsync(db, settings.WorkflowsDirectory, clock.GetUtcNow(), cancellationToken);
            logger.LogInformation("Database ready on {Provider}; {Count} workflow version(s) newly published",
                db.IsPostgres() ? "PostgreSQL" : "SQLite", published.Count);
        }
        if (!settings.DemoData) return;
        await LoadDemoDirectoryAsync(cancellationToken);
        var created = await demo.SeedIfEmptyAsync(cancellationToken);
        if (created > 0) logger.LogInformation("Created {Count} demo referrals on the empty database", created);
        await services.GetRequiredService<DemoUsers>().CreateOrAnnounceAsync(firstRun: created > 0, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The shipped demo directory, on the first run only: once there are organisations they are the
    /// coordinators' to maintain (export, edit, import), and a restart must not undo their edits.</summary>
    private async Task LoadDemoDirectoryAsync(CancellationToken cancellationToken)
    {
        await using var db = openDb();
        if (await db.Organisations.AnyAsync(cancellationToken)) return;
        var file = PartnerFiles.DemoDirectory();
        if (!File.Exists(file))
        {
            logger.LogWarning("No demo partner directory at {File}; the directory stays empty", file);
            return;
        }
        DirectoryImportResult result;
        try
        {
            result = await DirectoryImport.ImportFileAsync(db, file, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node started on the same empty database and loaded it first (unique directory ids).
            logger.LogInformation("The demo partner directory was loaded by another node");
            return;
        }
        if (result.Applied)
            logger.LogInformation("Loaded the demo partner directory: {Count} organisations from {File}", result.Created, file);
        else
            // A broken demo file must not stop the application: report it and start with an empty directory.
            logger.LogWarning("The demo partner directory {File} was not loaded: {Errors} error(s), first: {First}",
                file, result.Errors.Count, result.Errors[0]);
    }
}
