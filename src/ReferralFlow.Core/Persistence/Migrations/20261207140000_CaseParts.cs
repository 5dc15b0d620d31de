using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ReferralFlow.Core.Persistence.Migrations;

/// <summary>One case, one code: a referral's sub-procedures and reopenings now carry its case code, so the code alone
/// is no longer unique; the procedure's part number within the case is. Every existing referral is the first (and
/// only) part of its own case, so existing codes stay as partners know them.</summary>
[DbContext(typeof(ReferralFlowDb))]
[Migration("20261207140000_CaseParts")]
public sealed class AddCaseParts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(name: "case_part", table: "referrals", nullable: false, defaultValue: 1);
        migrationBuilder.DropIndex("ux_referrals_case_code", "referrals");
        migrationBuilder.CreateIndex("ux_referrals_case_code_case_part", "referrals", ["case_code", "case_part"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Fails, as it should, once a case has more than one part: the old schema cannot hold a shared code.
        migrationBuilder.DropIndex("ux_referrals_case_code_case_part", "referrals");
        migrationBuilder.CreateIndex("ux_referrals_case_code", "referrals", "case_code", unique: true);
        migrationBuilder.DropColumn("case_part", "referrals");
    }
}
