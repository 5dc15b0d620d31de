using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ReferralFlow.Core.Persistence.Migrations;

/// <summary>Consent as practice requires it: the ground a case is shared on (the person's consent, or a coordinator's
/// decision on vital interests with its reason), and what a held request needed of the consent (written, the
/// person's own). Defaults fill the rows that exist: every earlier record is a consent, every held request needed any.</summary>
[DbContext(typeof(ReferralFlowDb))]
[Migration("20261207150000_ConsentBasis")]
public sealed class AddConsentBasis : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "basis", table: "consents", nullable: false, defaultValue: "consent");
        migrationBuilder.AddColumn<string>(name: "vital_interest_reason", table: "consents", nullable: true);
        migrationBuilder.AddColumn<string>(name: "consent_needs", table: "held_requests", nullable: false, defaultValue: "[]");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn("consent_needs", "held_requests");
        migrationBuilder.DropColumn("vital_interest_reason", "consents");
        migrationBuilder.DropColumn("basis", "consents");
    }
}
