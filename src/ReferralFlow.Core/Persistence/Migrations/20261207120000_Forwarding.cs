using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ReferralFlow.Core.Persistence.Migrations;

/// <summary>Requests that move (issue 9 §1, §2): a hand-off may be addressed to an organisation other than its role's
/// (a forward) or to an address a caseworker confirmed; its events name where a request moved from and to; reply
/// links can be revoked when the request moves; the forwarding chain has a table of its own. Nullable columns and a new
/// table: every existing row stays. Referrals whose receiving role a directory query assigned get that organisation
/// as their receiving party, as an assignment by hand always gave it.</summary>
[DbContext(typeof(ReferralFlowDb))]
[Migration("20261207120000_Forwarding")]
public sealed class AddForwarding : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<Guid>("addressed_organisation_id", "hand_offs", nullable: true);
        migrationBuilder.AddColumn<string>("addressed_email", "hand_offs", nullable: true);
        migrationBuilder.AddColumn<Guid>("from_organisation_id", "hand_off_events", nullable: true);
        migrationBuilder.AddColumn<Guid>("to_organisation_id", "hand_off_events", nullable: true);
        migrationBuilder.AddColumn<DateTime>("revoked_at", "reply_tokens", nullable: true);

        migrationBuilder.CreateTable(
            name: "hand_off_forwards",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                hand_off_id = table.Column<Guid>(nullable: false),
                referral_id = table.Column<Guid>(nullable: false),
                from_organisation_id = table.Column<Guid>(nullable: true),
                from_contact_id = table.Column<Guid>(nullable: true),
                to_organisation_id = table.Column<Guid>(nullable: true),
                to_email = table.Column<string>(nullable: true),
                status = table.Column<string>(nullable: false),
                proposed_at = table.Column<DateTime>(nullable: false),
                decided_at = table.Column<DateTime>(nullable: true),
                decided_by = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_hand_off_forwards", x => x.id);
                table.ForeignKey("fk_hand_off_forwards_hand_offs_hand_off_id", x => x.hand_off_id,
                    principalTable: "hand_offs", principalColumn: "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_hand_off_forwards_hand_off_id", "hand_off_forwards", "hand_off_id");
        migrationBuilder.CreateIndex("ix_hand_off_forwards_referral_id_status", "hand_off_forwards", ["referral_id", "status"]);

        // Plain SQL that SQLite, PostgreSQL and SQL Server all read the same way.
        migrationBuilder.Sql("""
            UPDATE referrals SET receiving_organisation_id =
                (SELECT a.organisation_id FROM partner_assignments a WHERE a.referral_id = referrals.id AND a.role = 'receiving')
            WHERE receiving_organisation_id IS NULL
              AND EXISTS (SELECT 1 FROM partner_assignments a WHERE a.referral_id = referrals.id AND a.role = 'receiving')
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("hand_off_forwards");
        migrationBuilder.DropColumn("revoked_at", "reply_tokens");
        migrationBuilder.DropColumn("to_organisation_id", "hand_off_events");
        migrationBuilder.DropColumn("from_organisation_id", "hand_off_events");
        migrationBuilder.DropColumn("addressed_email", "hand_offs");
        migrationBuilder.DropColumn("addressed_organisation_id", "hand_offs");
    }
}
