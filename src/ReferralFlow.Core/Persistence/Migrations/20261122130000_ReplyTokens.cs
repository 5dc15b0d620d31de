using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ReferralFlow.Core.Persistence.Migrations;

/// <summary>Reply links (issue 3 §3): the tokens, kept only as SHA-256 hashes, and the answers partners typed on the
/// reply page, kept as JSON beside the hand-off rather than in workflow variables. New tables only, so existing rows
/// are untouched; both go with their hand-off.</summary>
[DbContext(typeof(ReferralFlowDb))]
[Migration("20261122130000_ReplyTokens")]
public sealed class AddReplyTokens : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "reply_tokens",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                hand_off_id = table.Column<Guid>(nullable: false),
                contact_id = table.Column<Guid>(nullable: true),
                outcome = table.Column<string>(nullable: false),
                token_hash = table.Column<string>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                expires_at = table.Column<DateTime>(nullable: false),
                used_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_reply_tokens", x => x.id);
                table.ForeignKey("fk_reply_tokens_hand_offs_hand_off_id", x => x.hand_off_id,
                    principalTable: "hand_offs", principalColumn: "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "reply_answers",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                hand_off_id = table.Column<Guid>(nullable: false),
                reply_token_id = table.Column<Guid>(nullable: false),
                outcome = table.Column<string>(nullable: false),
                answer_json = table.Column<string>(nullable: false),
                answered_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_reply_answers", x => x.id);
                table.ForeignKey("fk_reply_answers_hand_offs_hand_off_id", x => x.hand_off_id,
                    principalTable: "hand_offs", principalColumn: "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("ux_reply_tokens_token_hash", "reply_tokens", "token_hash", unique: true);
        migrationBuilder.CreateIndex("ix_reply_tokens_hand_off_id", "reply_tokens", "hand_off_id");
        migrationBuilder.CreateIndex("ux_reply_answers_hand_off_id", "reply_answers", "hand_off_id", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("reply_answers");
        migrationBuilder.DropTable("reply_tokens");
    }
}
