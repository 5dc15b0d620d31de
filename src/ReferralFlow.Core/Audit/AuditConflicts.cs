using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ReferralFlow.Core.Audit;

/// <summary>
/// Recognises the one way two writers can still collide on the chain — both sealed onto the same tail and the
/// second insert hits the sequence key, or SQLite refuses to upgrade a stale read transaction — and turns it into a
/// <see cref="DbUpdateConcurrencyException"/>: the same retryable conflict the runtime already retries with a fresh
/// unit of work.
/// </summary>
internal static class AuditConflicts
{
    private const int SqliteBusy = 5;
    private const int SqliteConstraint = 19;

    public static bool IsTailTaken(DbUpdateException e) => e.InnerException switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation && pg.ConstraintName == "pk_audit_entries",
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteBusy
            || (sqlite.SqliteErrorCode == SqliteConstraint && sqlite.Message.Contains("audit_entries.sequence", StringComparison.Ordinal)),
        _ => false,
    };

    public static DbUpdateConcurrencyException Retryable(DbUpdateException e) =>
        new("Another writer appended to the audit trail at the same moment; the change was not saved and can be retried.", e);
}
