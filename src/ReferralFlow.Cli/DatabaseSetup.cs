using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Definitions;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Protection;
using ReferralFlow.Core.Replies;

namespace ReferralFlow.Cli;

internal sealed record SetupReport(IReadOnlyList<string> Applied, IReadOnlyList<string> Published, string WorkflowsDirectory,
    int ProtectedAnswers = 0);

/// <summary>
/// Brings a database up to date before a command uses it: applies pending migrations, encrypts reply answers an older
/// version stored in clear (<see cref="PlainAnswers"/>; the keys are opened only when there are any), then publishes the
/// workflows folder (new versions only; a changed file with an unchanged version is refused). So a fresh SQLite
/// file just works, and `db migrate` is the same step made visible.
/// </summary>
internal static class DatabaseSetup
{
    public static async Task<SetupReport> EnsureReadyAsync(
        Func<ReferralFlowDb> openDb, Func<PersonalDataProtector> protector, string workflowsDirectory, DateTimeOffset now, CancellationToken ct)
    {
        IReadOnlyList<string> applied;
        await using (var db = openDb())
        {
            applied = await DatabaseMigrator.PendingAsync(db, ct);
            if (applied.Count > 0) await DatabaseMigrator.MigrateAsync(db, ct);
        }
        var protectedAnswers = await PlainAnswers.ProtectAsync(openDb, protector, now, ct);
        try
        {
            await using var db = openDb();
            return new SetupReport(applied, await WorkflowLibrary.PublishAsync(db, workflowsDirectory, now, ct), workflowsDirectory, protectedAnswers);
        }
        catch (DbUpdateException)
        {
            // Another process published the same versions at the same moment: their rows are now there, so
            // publishing again finds them and adds nothing (or reports a real content conflict).
            await using var db = openDb();
            return new SetupReport(applied, await WorkflowLibrary.PublishAsync(db, workflowsDirectory, now, ct), workflowsDirectory, protectedAnswers);
        }
    }
}
