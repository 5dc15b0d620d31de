using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ReferralFlow.Core.Persistence.Migrations;

/// <summary>Incidents came after the first schema: their table, and a counter on referrals whose default
/// fills the rows that already exist.</summary>
[DbContext(typeof(ReferralFlowDb))]
[Migration("20261122090000_Incidents")]
public sealed class AddIncidents : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(
            name: "open_incidents",
            table: "referrals",
            nullable: false,
            defaultValue: 0);

        migrationBuilder.CreateTable(
            name: "incidents",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                referral_id = table.Column<Guid>(nullable: false),
                token_id = table.Column<Guid>(nullable: false),
                step_id = table.Column<string>(nullable: false),
                message = table.Column<string>(nullable: false),
                raised_at = table.Column<DateTime>(nullable: false),
                resolved_at = table.Column<DateTime>(nullable: true),
                attempts = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_incidents", x => x.id);
                table.ForeignKey("fk_incidents_referrals_referral_id", x => x.referral_id,
                    principalTable: "referrals", principalColumn: "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("ix_incidents_referral_id", "incidents", "referral_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("incidents");
        migrationBuilder.DropColumn("open_incidents", "referrals");
    }
}
