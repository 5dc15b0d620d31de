using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace ReferralFlow.Core.Persistence.Migrations;

/// <summary>Hand-off tracking (issue 3 §4): a nullable sub-status beside the FHIR status, so existing hand-offs
/// simply have none, and the attributed change log of every hand-off, which goes with its hand-off. Hand-offs
/// that exist before this migration have no events for their past changes: their history entries tell those.</summary>
[DbContext(typeof(ReferralFlowDb))]
[Migration("20261122150000_HandOffEvents")]
public sealed class AddHandOffEvents : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "sub_status", table: "hand_offs", nullable: true);

        migrationBuilder.CreateTable(
            name: "hand_off_events",
            columns: table => new
            {
                id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                hand_off_id = table.Column<Guid>(nullable: false),
                at = table.Column<DateTime>(nullable: false),
                change = table.Column<string>(nullable: false),
                status = table.Column<string>(nullable: false),
                sub_status = table.Column<string>(nullable: true),
                outcome = table.Column<string>(nullable: true),
                actor_kind = table.Column<string>(nullable: false),
                actor = table.Column<string>(nullable: true),
                contact_id = table.Column<Guid>(nullable: true),
                channel = table.Column<string>(nullable: true),
                protected_note = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_hand_off_events", x => x.id);
                table.ForeignKey("fk_hand_off_events_hand_offs_hand_off_id", x => x.hand_off_id,
                    principalTable: "hand_offs", principalColumn: "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("ix_hand_off_events_hand_off_id", "hand_off_events", "hand_off_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("hand_off_events");
        migrationBuilder.DropColumn("sub_status", "hand_offs");
    }
}
