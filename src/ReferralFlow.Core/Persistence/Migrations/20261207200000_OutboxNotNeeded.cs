using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ReferralFlow.Core.Persistence.Migrations;

/// <summary>Messages deliberately not e-mailed (obsolete, moved, reminders to staff) get their own status instead of
/// counting as failures. Earlier versions stored them as dead with a reason starting "not sent:" or "not e-mailed:"
/// (a real failure's reason never does): those rows are moved over; nothing else changes.</summary>
[DbContext(typeof(ReferralFlowDb))]
[Migration("20261207200000_OutboxNotNeeded")]
public sealed class OutboxNotNeeded : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("UPDATE outbox_messages SET status = 'NotNeeded' " +
            "WHERE status = 'Dead' AND (last_error LIKE 'not sent:%' OR last_error LIKE 'not e-mailed:%')");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("UPDATE outbox_messages SET status = 'Dead' WHERE status = 'NotNeeded'");
}
