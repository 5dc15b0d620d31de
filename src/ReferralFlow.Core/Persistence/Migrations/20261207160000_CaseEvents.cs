using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ReferralFlow.Core.Persistence.Migrations;

/// <summary>The person's own events at case level (issue 9 §6): a log of events coded from closed lists (missing,
/// suspended, resumed, left the programme, withdrawn, contacts after closing, the last week of air travel) and the
/// suspensions that pause a referral's timers. New tables only, so existing rows are untouched; each goes with its
/// referral.</summary>
[DbContext(typeof(ReferralFlowDb))]
[Migration("20261207160000_CaseEvents")]
public sealed class AddCaseEvents : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "case_events",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                referral_id = table.Column<Guid>(nullable: false),
                kind = table.Column<string>(nullable: false),
                code = table.Column<string>(nullable: true),
                channel = table.Column<string>(nullable: true),
                occurred_on = table.Column<DateOnly>(nullable: true),
                recorded_at = table.Column<DateTime>(nullable: false),
                recorded_by = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_case_events", x => x.id);
                table.ForeignKey("fk_case_events_referrals_referral_id", x => x.referral_id,
                    principalTable: "referrals", principalColumn: "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "case_suspensions",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                referral_id = table.Column<Guid>(nullable: false),
                reason = table.Column<string>(nullable: false),
                suspended_at = table.Column<DateTime>(nullable: false),
                suspended_by = table.Column<string>(nullable: false),
                resumed_at = table.Column<DateTime>(nullable: true),
                resumed_by = table.Column<string>(nullable: true),
                timers_moved = table.Column<int>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_case_suspensions", x => x.id);
                table.ForeignKey("fk_case_suspensions_referrals_referral_id", x => x.referral_id,
                    principalTable: "referrals", principalColumn: "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("ix_case_events_referral_id", "case_events", "referral_id");
        migrationBuilder.CreateIndex("ix_case_suspensions_referral_id", "case_suspensions", "referral_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("case_suspensions");
        migrationBuilder.DropTable("case_events");
    }
}
