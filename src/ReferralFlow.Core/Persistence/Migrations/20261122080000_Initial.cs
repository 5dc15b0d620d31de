using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace ReferralFlow.Core.Persistence.Migrations;

/// <summary>
/// The first schema. Hand-written (no Design package here) and provider-neutral: no store types, so each
/// provider maps the CLR type (Guid: TEXT / uuid, DateTime: TEXT / timestamptz, see UtcDateTimeConverter),
/// and both providers' identity annotations on history.id, each ignored by the other provider.
/// </summary>
[DbContext(typeof(ReferralFlowDb))]
[Migration("20261122080000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "published_workflows",
            columns: table => new
            {
                workflow_id = table.Column<string>(nullable: false),
                version = table.Column<int>(nullable: false),
                title = table.Column<string>(nullable: false),
                json = table.Column<string>(nullable: false),
                content_hash = table.Column<string>(nullable: false),
                published_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_published_workflows", x => new { x.workflow_id, x.version }));

        migrationBuilder.CreateTable(
            name: "referrals",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                case_code = table.Column<string>(nullable: false),
                workflow_id = table.Column<string>(nullable: false),
                workflow_version = table.Column<int>(nullable: false),
                status = table.Column<string>(nullable: false),
                outcome = table.Column<string>(nullable: true),
                state_json = table.Column<string>(nullable: false),
                parent_referral_id = table.Column<Guid>(nullable: true),
                parent_token_id = table.Column<Guid>(nullable: true),
                started_at = table.Column<DateTime>(nullable: false),
                closed_at = table.Column<DateTime>(nullable: true),
                revision = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_referrals", x => x.id));

        migrationBuilder.CreateTable(
            name: "tasks",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                referral_id = table.Column<Guid>(nullable: false),
                token_id = table.Column<Guid>(nullable: false),
                step_id = table.Column<string>(nullable: false),
                title = table.Column<string>(nullable: false),
                role = table.Column<string>(nullable: false),
                form = table.Column<string>(nullable: true),
                outcomes = table.Column<string>(nullable: false),
                status = table.Column<string>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                due_at = table.Column<DateTime>(nullable: true),
                closed_at = table.Column<DateTime>(nullable: true),
                outcome = table.Column<string>(nullable: true),
                closed_by = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_tasks", x => x.id);
                table.ForeignKey("fk_tasks_referrals_referral_id", x => x.referral_id,
                    principalTable: "referrals", principalColumn: "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "hand_offs",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                referral_id = table.Column<Guid>(nullable: false),
                token_id = table.Column<Guid>(nullable: false),
                step_id = table.Column<string>(nullable: false),
                partner = table.Column<string>(nullable: false),
                request = table.Column<string>(nullable: false),
                title = table.Column<string>(nullable: false),
                outcomes = table.Column<string>(nullable: false),
                status = table.Column<string>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                due_at = table.Column<DateTime>(nullable: true),
                answered_at = table.Column<DateTime>(nullable: true),
                outcome = table.Column<string>(nullable: true),
                channel = table.Column<string>(nullable: true),
                answered_by = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_hand_offs", x => x.id);
                table.ForeignKey("fk_hand_offs_referrals_referral_id", x => x.referral_id,
                    principalTable: "referrals", principalColumn: "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "timers",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                referral_id = table.Column<Guid>(nullable: false),
                token_id = table.Column<Guid>(nullable: false),
                step_id = table.Column<string>(nullable: false),
                purpose = table.Column<string>(nullable: false),
                rung = table.Column<int>(nullable: false),
                due_at = table.Column<DateTime>(nullable: false),
                lease_owner = table.Column<string>(nullable: true),
                lease_expires_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_timers", x => x.id);
                table.ForeignKey("fk_timers_referrals_referral_id", x => x.referral_id,
                    principalTable: "referrals", principalColumn: "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "outbox_messages",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                referral_id = table.Column<Guid>(nullable: false),
                step_id = table.Column<string>(nullable: false),
                kind = table.Column<string>(nullable: false),
                recipient = table.Column<string>(nullable: false),
                template = table.Column<string>(nullable: false),
                hand_off_id = table.Column<Guid>(nullable: true),
                payload_json = table.Column<string>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                status = table.Column<string>(nullable: false),
                attempts = table.Column<int>(nullable: false),
                next_attempt_at = table.Column<DateTime>(nullable: false),
                sent_at = table.Column<DateTime>(nullable: true),
                last_error = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_outbox_messages", x => x.id);
                table.ForeignKey("fk_outbox_messages_referrals_referral_id", x => x.referral_id,
                    principalTable: "referrals", principalColumn: "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "history",
            columns: table => new
            {
                id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                referral_id = table.Column<Guid>(nullable: false),
                at = table.Column<DateTime>(nullable: false),
                kind = table.Column<string>(nullable: false),
                step_id = table.Column<string>(nullable: true),
                detail = table.Column<string>(nullable: true),
                actor = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_history", x => x.id);
                table.ForeignKey("fk_history_referrals_referral_id", x => x.referral_id,
                    principalTable: "referrals", principalColumn: "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("ux_referrals_case_code", "referrals", "case_code", unique: true);
        migrationBuilder.CreateIndex("ix_referrals_status", "referrals", "status");
        migrationBuilder.CreateIndex("ix_tasks_referral_id", "tasks", "referral_id");
        migrationBuilder.CreateIndex("ix_tasks_status_role", "tasks", ["status", "role"]);
        migrationBuilder.CreateIndex("ix_hand_offs_referral_id", "hand_offs", "referral_id");
        migrationBuilder.CreateIndex("ix_hand_offs_status", "hand_offs", "status");
        migrationBuilder.CreateIndex("ix_timers_referral_id", "timers", "referral_id");
        migrationBuilder.CreateIndex("ix_timers_due_at", "timers", "due_at");
        migrationBuilder.CreateIndex("ix_outbox_messages_referral_id", "outbox_messages", "referral_id");
        migrationBuilder.CreateIndex("ix_outbox_messages_status_next_attempt_at", "outbox_messages", ["status", "next_attempt_at"]);
        migrationBuilder.CreateIndex("ix_history_referral_id", "history", "referral_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("history");
        migrationBuilder.DropTable("outbox_messages");
        migrationBuilder.DropTable("timers");
        migrationBuilder.DropTable("hand_offs");
        migrationBuilder.DropTable("tasks");
        migrationBuilder.DropTable("referrals");
        migrationBuilder.DropTable("published_workflows");
    }
}
