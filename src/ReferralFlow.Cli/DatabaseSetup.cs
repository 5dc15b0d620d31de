using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Definitions;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Cli;

internal sealed record SetupReport(IReadOnlyList<string> Applied, IReadOnlyList<string> Published, string WorkflowsDirectory);

/// <summary>
/// Brings a database up to date before a command uses it: applies pending migrations, then publishes the
/// workflows folder (new versions only; a changed file with an unchanged version is refused). So a fresh SQLite
/// file just works, and `db migrate` is the same step made visible.
/// </summary>
internal static class DatabaseSetup
{
    public static async Task<SetupReport> EnsureReadyAsync(
        Func<ReferralFlowDb> openDb, string workflowsDirectory, DateTimeOffset now, CancellationToken ct)
    {
        IReadOnlyList<string> applied;
        await using (var db = openDb())
        {
            applied = await DatabaseMigrator.PendingAsync(db, ct);
            if (applied.Count > 0) await DatabaseMigrator.MigrateAsync(db, ct);
        }
        try
        {
            await using var db = openDb();
            return new SetupReport(applied, await WorkflowLibrary.PublishAsync(db, workflowsDirectory, now, ct), workflowsDirectory);
        }
        catch (DbUpdateException)
        {
            // Another process published the same versions at the same moment: their rows are now there, so
            // publishing again finds them and adds nothing (or reports a real content conflict).
            await using var db = openDb();
            return new SetupReport(applied, await WorkflowLibrary.PublishAsync(db, workflowsDirectory, now, ct), workflowsDirectory);
        }
    }
}
