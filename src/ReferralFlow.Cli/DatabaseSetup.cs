using ReferralFlow.Core;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Definitions;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Protection;
using ReferralFlow.Core.Replies;

namespace ReferralFlow.Cli;

internal sealed record SetupReport(IReadOnlyList<string> Applied, IReadOnlyList<string> Published, string WorkflowsDirectory,
    int ProtectedAnswers = 0);

/// <summary>
/// <c>db migrate</c> brings a database up to date: applies pending migrations, encrypts reply answers an older version
/// stored in clear (<see cref="PlainAnswers"/>; the keys are opened only when there are any), then publishes the
/// workflows folder (new versions only; a changed file with an unchanged version is refused). Every other command only
/// checks, cheaply, that the schema is current (<see cref="CheckReadyAsync"/>), so that a script of many calls does not
/// pay for the migration machinery and a full validation of the procedures on each.
/// </summary>
internal static class DatabaseSetup
{
    /// <summary>
    /// Before a command: a database with no schema yet is set up as <c>db migrate</c> would (a fresh SQLite file just
    /// works); one with migrations pending is refused with what to run, and nothing is changed; the workflows folder is
    /// published only when a file's content is not published yet (compared by hash).
    /// </summary>
    public static async Task CheckReadyAsync(
        Func<ReferralFlowDb> openDb, Func<PersonalDataProtector> protector, string workflowsDirectory, DateTimeOffset now, CancellationToken ct)
    {
        await using (var db = openDb())
        {
            var pending = await DatabaseMigrator.PendingAsync(db, ct);
            if (pending.Count > 0 && pending.Count == db.Database.GetMigrations().Count())
            {
                await EnsureReadyAsync(openDb, protector, workflowsDirectory, now, ct);
                return;
            }
            if (pending.Count > 0)
                throw new ReferralFlowException($"the database is not up to date: {pending.Count} migration(s) to apply " +
                    $"(latest {pending[^1]}); run 'referralflow db migrate' first (nothing was changed)");
            if (await WorkflowLibrary.IsPublishedAsync(db, workflowsDirectory, ct)) return;
        }
        await PublishAsync(openDb, workflowsDirectory, now, ct);
    }

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
        return new SetupReport(applied, await PublishAsync(openDb, workflowsDirectory, now, ct), workflowsDirectory, protectedAnswers);
    }

    private static async Task<IReadOnlyList<string>> PublishAsync(Func<ReferralFlowDb> openDb, string workflowsDirectory, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            await using var db = openDb();
            return await WorkflowLibrary.PublishAsync(db, workflowsDirectory, now, ct);
        }
        catch (DbUpdateException)
        {
            // Another process published the same versions at the same moment: their rows are now there, so
            // publishing again finds them and adds nothing (or reports a real content conflict).
            await using var db = openDb();
            return await WorkflowLibrary.PublishAsync(db, workflowsDirectory, now, ct);
        }
    }
}
