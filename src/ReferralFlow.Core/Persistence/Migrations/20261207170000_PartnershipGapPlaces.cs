using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ReferralFlow.Core.Persistence.Migrations;

/// <summary>The region and city a partnership gap's directory query asked about; null for the gaps recorded before,
/// which asked about a whole country.</summary>
[DbContext(typeof(ReferralFlowDb))]
[Migration("20261207170000_PartnershipGapPlaces")]
public sealed class AddPartnershipGapPlaces : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("region", "partnership_gaps", nullable: true);
        migrationBuilder.AddColumn<string>("city", "partnership_gaps", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn("city", "partnership_gaps");
        migrationBuilder.DropColumn("region", "partnership_gaps");
    }
}
