using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ReferralFlow.Core.Persistence.Migrations;

/// <summary>Partnership gaps: where a directory query found nobody for a service (place, service, kind, date, case
/// code). A new table only; existing rows are untouched.</summary>
[DbContext(typeof(ReferralFlowDb))]
[Migration("20261207110100_PartnershipGaps")]
public sealed class AddPartnershipGaps : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "partnership_gaps",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                recorded_at = table.Column<DateTime>(nullable: false),
                referral_id = table.Column<Guid>(nullable: false),
                case_code = table.Column<string>(nullable: false),
                step_id = table.Column<string>(nullable: false),
                country = table.Column<string>(nullable: false),
                service = table.Column<string>(nullable: false),
                kind = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_partnership_gaps", x => x.id);
                table.ForeignKey("fk_partnership_gaps_referrals_referral_id", x => x.referral_id,
                    principalTable: "referrals", principalColumn: "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_partnership_gaps_recorded_at", "partnership_gaps", "recorded_at");
        migrationBuilder.CreateIndex("ix_partnership_gaps_referral_id", "partnership_gaps", "referral_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("partnership_gaps");
}
