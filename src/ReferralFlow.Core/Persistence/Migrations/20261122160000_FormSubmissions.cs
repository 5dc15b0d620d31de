using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ReferralFlow.Core.Persistence.Migrations;

/// <summary>Submitted task forms (issue 4 §6), their values encrypted. A new table only; a submission goes with its
/// referral and its task.</summary>
[DbContext(typeof(ReferralFlowDb))]
[Migration("20261122160000_FormSubmissions")]
public sealed class AddFormSubmissions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "form_submissions",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                referral_id = table.Column<Guid>(nullable: false),
                task_id = table.Column<Guid>(nullable: false),
                form_id = table.Column<string>(nullable: false),
                submitted_at = table.Column<DateTime>(nullable: false),
                submitted_by = table.Column<string>(nullable: false),
                protected_json = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_form_submissions", x => x.id);
                table.ForeignKey("fk_form_submissions_referrals_referral_id", x => x.referral_id,
                    principalTable: "referrals", principalColumn: "id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("fk_form_submissions_tasks_task_id", x => x.task_id,
                    principalTable: "tasks", principalColumn: "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("ix_form_submissions_referral_id", "form_submissions", "referral_id");
        migrationBuilder.CreateIndex("ux_form_submissions_task_id", "form_submissions", "task_id", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("form_submissions");
}
