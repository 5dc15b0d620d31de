using Microsoft.EntityFrameworkCore;
using Npgsql;
using ReferralFlow.Core.Audit;
using ReferralFlow.Tests.Persistence;

namespace ReferralFlow.Tests.Audit;

/// <summary>On PostgreSQL the database itself refuses to change or remove audit rows, even for the superuser the
/// tests connect as, until someone deliberately disables the triggers.</summary>
public class AuditAppendOnlyTests
{
    public static readonly TheoryData<string> Changes = new()
    {
        "UPDATE audit_entries SET detail = 'nothing happened' WHERE sequence = 2",
        "DELETE FROM audit_entries WHERE sequence = 3",
        "DELETE FROM audit_entries",
        "TRUNCATE audit_entries",
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task PostgreSQL_refuses_to_change_or_remove_audit_rows(string sql)
    {
        await using var database = await TestDatabase.MigratedAsync("postgres", "audit_append_only");
        for (var i = 0; i < 3; i++) await AuditChainTests.RecordAsync(database, "person.read", $"{i}");

        await using var db = database.Open();
        var refused = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync(sql));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        Assert.Contains("the audit trail is append-only", refused.MessageText);
        Assert.Equal(3, await db.AuditEntries.CountAsync());
        Assert.True((await AuditVerification.VerifyAsync(db)).Intact);
    }

    [Fact]
    public async Task Appending_still_works_once_the_trail_is_append_only()
    {
        await using var database = await TestDatabase.MigratedAsync("postgres", "audit_append");
        await AuditChainTests.RecordAsync(database, "first");
        await AuditChainTests.RecordAsync(database, "second");

        await using var db = database.Open();
        var result = await AuditVerification.VerifyAsync(db);

        Assert.Equal(2, result.Entries);
        Assert.Equal(2, result.Checkpoint?.Head.Sequence);
        Assert.True(result.Intact);
    }
}
