using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ReferralFlow.Core.Persistence.Migrations;

/// <summary>The case records of issue 4 §4–§5: documents being reissued and their changing checklists, the journey's
/// costs and who pays them, the escort legs, and arrivals and monitoring reports recorded by staff. New tables only, so existing rows
/// are untouched; each goes with its referral. Document numbers, escort contacts and report contents are encrypted
/// text (Protection/PersonalDataProtector).</summary>
[DbContext(typeof(ReferralFlowDb))]
[Migration("20261122190000_CaseRecords")]
public sealed class AddCaseRecords : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "document_requests",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                referral_id = table.Column<Guid>(nullable: false),
                kind = table.Column<string>(nullable: false),
                authority_organisation_id = table.Column<Guid>(nullable: true),
                authority_name = table.Column<string>(nullable: true),
                status = table.Column<string>(nullable: false),
                number_protected = table.Column<string>(nullable: true),
                requested_at = table.Column<DateTime>(nullable: false),
                due_at = table.Column<DateTime>(nullable: true),
                updated_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_document_requests", x => x.id);
                table.ForeignKey("fk_document_requests_referrals_referral_id", x => x.referral_id,
                    principalTable: "referrals", principalColumn: "id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("fk_document_requests_organisations_authority_organisation_id", x => x.authority_organisation_id,
                    principalTable: "organisations", principalColumn: "id", onDelete: ReferentialAction.NoAction);
            });

        migrationBuilder.CreateTable(
            name: "document_requirements",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                document_id = table.Column<Guid>(nullable: false),
                name = table.Column<string>(nullable: false),
                added_at = table.Column<DateTime>(nullable: false),
                added_by = table.Column<string>(nullable: false),
                met_at = table.Column<DateTime>(nullable: true),
                removed_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_document_requirements", x => x.id);
                table.ForeignKey("fk_document_requirements_document_requests_document_id", x => x.document_id,
                    principalTable: "document_requests", principalColumn: "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "travel_costs",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                referral_id = table.Column<Guid>(nullable: false),
                item = table.Column<string>(nullable: false),
                amount = table.Column<decimal>(nullable: true),
                currency = table.Column<string>(nullable: true),
                funder = table.Column<string>(nullable: false),
                funder_organisation_id = table.Column<Guid>(nullable: true),
                recorded_at = table.Column<DateTime>(nullable: false),
                recorded_by = table.Column<string>(nullable: false),
                updated_at = table.Column<DateTime>(nullable: false),
                escalated_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_travel_costs", x => x.id);
                table.ForeignKey("fk_travel_costs_referrals_referral_id", x => x.referral_id,
                    principalTable: "referrals", principalColumn: "id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("fk_travel_costs_organisations_funder_organisation_id", x => x.funder_organisation_id,
                    principalTable: "organisations", principalColumn: "id", onDelete: ReferentialAction.NoAction);
            });

        migrationBuilder.CreateTable(
            name: "escort_legs",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                referral_id = table.Column<Guid>(nullable: false),
                from = table.Column<string>(nullable: false),
                to = table.Column<string>(nullable: false),
                mode = table.Column<string>(nullable: false),
                departs_at = table.Column<DateTime>(nullable: false),
                escort_organisation_id = table.Column<Guid>(nullable: true),
                escort_name = table.Column<string>(nullable: true),
                escort_contact_protected = table.Column<string>(nullable: true),
                planned_at = table.Column<DateTime>(nullable: false),
                planned_by = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_escort_legs", x => x.id);
                table.ForeignKey("fk_escort_legs_referrals_referral_id", x => x.referral_id,
                    principalTable: "referrals", principalColumn: "id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("fk_escort_legs_organisations_escort_organisation_id", x => x.escort_organisation_id,
                    principalTable: "organisations", principalColumn: "id", onDelete: ReferentialAction.NoAction);
            });

        migrationBuilder.CreateTable(
            name: "monitoring_reports",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                referral_id = table.Column<Guid>(nullable: false),
                hand_off_id = table.Column<Guid>(nullable: true),
                report_date = table.Column<DateOnly>(nullable: false),
                reported_by = table.Column<string>(nullable: false),
                wellbeing = table.Column<string>(nullable: false),
                services_protected = table.Column<string>(nullable: false),
                risk_flag = table.Column<bool>(nullable: false),
                risk_details_protected = table.Column<string>(nullable: true),
                channel = table.Column<string>(nullable: false),
                recorded_at = table.Column<DateTime>(nullable: false),
                recorded_by = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_monitoring_reports", x => x.id);
                table.ForeignKey("fk_monitoring_reports_referrals_referral_id", x => x.referral_id,
                    principalTable: "referrals", principalColumn: "id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("fk_monitoring_reports_hand_offs_hand_off_id", x => x.hand_off_id,
                    principalTable: "hand_offs", principalColumn: "id", onDelete: ReferentialAction.NoAction);
            });

        migrationBuilder.CreateTable(
            name: "arrival_confirmations",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                hand_off_id = table.Column<Guid>(nullable: false),
                arrived_at = table.Column<DateTime>(nullable: false),
                place = table.Column<string>(nullable: false),
                handed_over_to = table.Column<string>(nullable: false),
                confirmed_by = table.Column<string>(nullable: false),
                comment = table.Column<string>(nullable: true),
                recorded_at = table.Column<DateTime>(nullable: false),
                recorded_by = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_arrival_confirmations", x => x.id);
                table.ForeignKey("fk_arrival_confirmations_hand_offs_hand_off_id", x => x.hand_off_id,
                    principalTable: "hand_offs", principalColumn: "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("ux_arrival_confirmations_hand_off_id", "arrival_confirmations", "hand_off_id", unique: true);
        migrationBuilder.CreateIndex("ix_document_requests_referral_id", "document_requests", "referral_id");
        migrationBuilder.CreateIndex("ix_document_requests_authority_organisation_id", "document_requests", "authority_organisation_id");
        migrationBuilder.CreateIndex("ix_document_requirements_document_id", "document_requirements", "document_id");
        migrationBuilder.CreateIndex("ix_travel_costs_referral_id", "travel_costs", "referral_id");
        migrationBuilder.CreateIndex("ix_travel_costs_funder_organisation_id", "travel_costs", "funder_organisation_id");
        migrationBuilder.CreateIndex("ix_escort_legs_referral_id", "escort_legs", "referral_id");
        migrationBuilder.CreateIndex("ix_escort_legs_escort_organisation_id", "escort_legs", "escort_organisation_id");
        migrationBuilder.CreateIndex("ix_monitoring_reports_referral_id", "monitoring_reports", "referral_id");
        migrationBuilder.CreateIndex("ix_monitoring_reports_hand_off_id", "monitoring_reports", "hand_off_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("arrival_confirmations");
        migrationBuilder.DropTable("monitoring_reports");
        migrationBuilder.DropTable("escort_legs");
        migrationBuilder.DropTable("travel_costs");
        migrationBuilder.DropTable("document_requirements");
        migrationBuilder.DropTable("document_requests");
    }
}
