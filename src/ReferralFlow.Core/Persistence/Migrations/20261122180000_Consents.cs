using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ReferralFlow.Core.Persistence.Migrations;

/// <summary>Consent (issue 4 §2): the person's consents per recipient organisation and purpose, and the partner
/// requests the consent gate holds until one covers them. New tables only, so existing rows are untouched; both go
/// with their referral. Given and expiry days are DateOnly (TEXT on SQLite, date on PostgreSQL).</summary>
[DbContext(typeof(ReferralFlowDb))]
[Migration("20261122180000_Consents")]
public sealed class AddConsents : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "consents",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                referral_id = table.Column<Guid>(nullable: false),
                organisation_id = table.Column<Guid>(nullable: false),
                purpose = table.Column<string>(nullable: false),
                form = table.Column<string>(nullable: false),
                given_by = table.Column<string>(nullable: false),
                guardian_cosigned = table.Column<bool>(nullable: false),
                given_on = table.Column<DateOnly>(nullable: false),
                expires_on = table.Column<DateOnly>(nullable: true),
                recorded_at = table.Column<DateTime>(nullable: false),
                recorded_by = table.Column<string>(nullable: false),
                withdrawn_at = table.Column<DateTime>(nullable: true),
                withdrawal_reason = table.Column<string>(nullable: true),
                withdrawn_by = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_consents", x => x.id);
                table.ForeignKey("fk_consents_referrals_referral_id", x => x.referral_id,
                    principalTable: "referrals", principalColumn: "id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("fk_consents_organisations_organisation_id", x => x.organisation_id,
                    principalTable: "organisations", principalColumn: "id", onDelete: ReferentialAction.NoAction);
            });

        migrationBuilder.CreateTable(
            name: "held_requests",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                referral_id = table.Column<Guid>(nullable: false),
                hand_off_id = table.Column<Guid>(nullable: false),
                step_id = table.Column<string>(nullable: false),
                recipient = table.Column<string>(nullable: false),
                template = table.Column<string>(nullable: false),
                organisation_id = table.Column<Guid>(nullable: false),
                purpose = table.Column<string>(nullable: false),
                task_id = table.Column<Guid>(nullable: false),
                held_at = table.Column<DateTime>(nullable: false),
                status = table.Column<string>(nullable: false),
                closed_at = table.Column<DateTime>(nullable: true),
                consent_id = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_held_requests", x => x.id);
                table.ForeignKey("fk_held_requests_referrals_referral_id", x => x.referral_id,
                    principalTable: "referrals", principalColumn: "id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("fk_held_requests_hand_offs_hand_off_id", x => x.hand_off_id,
                    principalTable: "hand_offs", principalColumn: "id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("fk_held_requests_tasks_task_id", x => x.task_id,
                    principalTable: "tasks", principalColumn: "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("ix_consents_referral_id_organisation_id", "consents", ["referral_id", "organisation_id"]);
        migrationBuilder.CreateIndex("ix_consents_organisation_id", "consents", "organisation_id");
        migrationBuilder.CreateIndex("ix_held_requests_referral_id", "held_requests", "referral_id");
        migrationBuilder.CreateIndex("ux_held_requests_hand_off_id", "held_requests", "hand_off_id", unique: true);
        migrationBuilder.CreateIndex("ux_held_requests_task_id", "held_requests", "task_id", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("held_requests");
        migrationBuilder.DropTable("consents");
    }
}
