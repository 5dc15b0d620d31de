using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ReferralFlow.Core.Persistence.Migrations;

/// <summary>The hash-chained audit trail of personal data (issue 4 §7). A new table without foreign keys: it
/// outlives the referrals it describes.</summary>
[DbContext(typeof(ReferralFlowDb))]
[Migration("20261122140000_AuditTrail")]
public sealed class AddAuditTrail : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "audit_entries",
            columns: table => new
            {
                sequence = table.Column<long>(nullable: false),
                at = table.Column<DateTime>(nullable: false),
                actor = table.Column<string>(nullable: false),
                source = table.Column<string>(nullable: false),
                action = table.Column<string>(nullable: false),
                referral_id = table.Column<Guid>(nullable: true),
                subject = table.Column<string>(nullable: false),
                detail = table.Column<string>(nullable: true),
                previous_hash = table.Column<string>(nullable: false),
                hash = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_audit_entries", x => x.sequence));

        migrationBuilder.CreateIndex("ix_audit_entries_referral_id", "audit_entries", "referral_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("audit_entries");
}
