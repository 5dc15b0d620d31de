using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ReferralFlow.Core.Persistence.Migrations;

/// <summary>The partner directory (organisations, their contacts and agreements) and which organisation plays
/// which partner role in a referral. New tables only, so existing rows are untouched. Lists (regions, languages,
/// services) are JSON text, as the outcomes columns are; dates without time (last verified, review) are DateOnly:
/// TEXT on SQLite, date on PostgreSQL.</summary>
[DbContext(typeof(ReferralFlowDb))]
[Migration("20261122110000_Partners")]
public sealed class AddPartners : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "organisations",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                key = table.Column<string>(nullable: false),
                name = table.Column<string>(nullable: false),
                kind = table.Column<string>(nullable: false),
                country = table.Column<string>(nullable: false),
                regions = table.Column<string>(nullable: false),
                languages = table.Column<string>(nullable: false),
                services = table.Column<string>(nullable: false),
                active = table.Column<bool>(nullable: false),
                last_verified_on = table.Column<DateOnly>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_organisations", x => x.id));

        migrationBuilder.CreateTable(
            name: "contacts",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                organisation_id = table.Column<Guid>(nullable: false),
                key = table.Column<string>(nullable: false),
                name = table.Column<string>(nullable: false),
                role = table.Column<string>(nullable: true),
                email = table.Column<string>(nullable: false),
                language = table.Column<string>(nullable: false),
                authorised_to_accept = table.Column<bool>(nullable: false),
                backup_contact_id = table.Column<Guid>(nullable: true),
                position = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_contacts", x => x.id);
                table.ForeignKey("fk_contacts_organisations_organisation_id", x => x.organisation_id,
                    principalTable: "organisations", principalColumn: "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "agreements",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                organisation_id = table.Column<Guid>(nullable: false),
                key = table.Column<string>(nullable: false),
                kind = table.Column<string>(nullable: false),
                scope = table.Column<string>(nullable: false),
                review_on = table.Column<DateOnly>(nullable: true),
                position = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_agreements", x => x.id);
                table.ForeignKey("fk_agreements_organisations_organisation_id", x => x.organisation_id,
                    principalTable: "organisations", principalColumn: "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "partner_assignments",
            columns: table => new
            {
                referral_id = table.Column<Guid>(nullable: false),
                role = table.Column<string>(nullable: false),
                organisation_id = table.Column<Guid>(nullable: false),
                assigned_at = table.Column<DateTime>(nullable: false),
                assigned_by = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_partner_assignments", x => new { x.referral_id, x.role });
                table.ForeignKey("fk_partner_assignments_referrals_referral_id", x => x.referral_id,
                    principalTable: "referrals", principalColumn: "id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("fk_partner_assignments_organisations_organisation_id", x => x.organisation_id,
                    principalTable: "organisations", principalColumn: "id", onDelete: ReferentialAction.NoAction);
            });

        migrationBuilder.CreateIndex("ux_organisations_key", "organisations", "key", unique: true);
        migrationBuilder.CreateIndex("ix_organisations_country_kind", "organisations", ["country", "kind"]);
        migrationBuilder.CreateIndex("ux_contacts_key", "contacts", "key", unique: true);
        migrationBuilder.CreateIndex("ix_contacts_organisation_id", "contacts", "organisation_id");
        migrationBuilder.CreateIndex("ux_agreements_key", "agreements", "key", unique: true);
        migrationBuilder.CreateIndex("ix_agreements_organisation_id", "agreements", "organisation_id");
        migrationBuilder.CreateIndex("ix_partner_assignments_organisation_id", "partner_assignments", "organisation_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("partner_assignments");
        migrationBuilder.DropTable("agreements");
        migrationBuilder.DropTable("contacts");
        migrationBuilder.DropTable("organisations");
    }
}
