using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ReferralFlow.Core.Persistence.Migrations;

/// <summary>What partners type on the reply page is personal data and is stored encrypted from now on: the column
/// answer_json becomes protected_answer. A migration has no keys, so the rows an older version wrote stay as they were
/// here (plain JSON, still readable as such); the hosts encrypt them on their first start right after migrating
/// (Replies/PlainAnswers), before anything reads them.</summary>
[DbContext(typeof(ReferralFlowDb))]
[Migration("20261122200000_ProtectedReplyAnswers")]
public sealed class ProtectReplyAnswers : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.RenameColumn(name: "answer_json", table: "reply_answers", newName: "protected_answer");

    /// <summary>Back to the old name only: the rows stay encrypted, which the older version cannot read.</summary>
    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.RenameColumn(name: "protected_answer", table: "reply_answers", newName: "answer_json");
}
