using Microsoft.EntityFrameworkCore;

namespace ReferralFlow.Core.Persistence;

/// <summary>Applies the hand-written migrations in Persistence/Migrations (same classes for both providers).</summary>
public static class DatabaseMigrator
{
    public static Task MigrateAsync(ReferralFlowDb db, CancellationToken ct) => db.Database.MigrateAsync(ct);

    public static async Task<IReadOnlyList<string>> PendingAsync(ReferralFlowDb db, CancellationToken ct) =>
        [.. await db.Database.GetPendingMigrationsAsync(ct)];

    public static async Task<IReadOnlyList<string>> AppliedAsync(ReferralFlowDb db, CancellationToken ct) =>
        [.. await db.Database.GetAppliedMigrationsAsync(ct)];
}
