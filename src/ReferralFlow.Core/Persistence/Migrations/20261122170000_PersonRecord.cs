using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ReferralFlow.Core.Persistence.Migrations;

/// <summary>The referral and its person (issue 4 §1): the stage, the sending and receiving organisations and the
/// corridor as columns of referrals (no foreign keys to organisations: SQLite cannot add one to an existing table, and
/// directory rows are never deleted), and the person's encrypted record in a table of its own, one row per referral.
/// Referrals that already ended start at stage Closed; the others at Identification.</summary>
[DbContext(typeof(ReferralFlowDb))]
[Migration("20261122170000_PersonRecord")]
public sealed class AddPersonRecord : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("stage", "referrals", nullable: false, defaultValue: "Identification");
        migrationBuilder.Sql("UPDATE referrals SET stage = 'Closed' WHERE status <> 'Active'");
        migrationBuilder.AddColumn<Guid>("sending_organisation_id", "referrals", nullable: true);
        migrationBuilder.AddColumn<Guid>("receiving_organisation_id", "referrals", nullable: true);
        migrationBuilder.AddColumn<string>("origin_country", "referrals", nullable: true);
        migrationBuilder.AddColumn<string>("transit_countries", "referrals", nullable: false, defaultValue: "[]");
        migrationBuilder.AddColumn<string>("destination_country", "referrals", nullable: true);

        migrationBuilder.CreateTable(
            name: "person_records",
            columns: table => new
            {
                referral_id = table.Column<Guid>(nullable: false),
                protected_data = table.Column<string>(nullable: false),
                recorded_at = table.Column<DateTime>(nullable: false),
                changed_at = table.Column<DateTime>(nullable: true),
                revision = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_person_records", x => x.referral_id);
                table.ForeignKey("fk_person_records_referrals_referral_id", x => x.referral_id,
                    principalTable: "referrals", principalColumn: "id", onDelete: ReferentialAction.Cascade);
            });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("person_records");
        foreach (var column in new[] { "destination_country", "transit_countries", "origin_country",
                     "receiving_organisation_id", "sending_organisation_id", "stage" })
            migrationBuilder.DropColumn(column, "referrals");
    }
}
