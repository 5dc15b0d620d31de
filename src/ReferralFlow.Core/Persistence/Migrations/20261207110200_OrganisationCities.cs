using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ReferralFlow.Core.Persistence.Migrations;

/// <summary>The cities an organisation serves (a JSON list, empty for every existing organisation), for the directory
/// search by place.</summary>
[DbContext(typeof(ReferralFlowDb))]
[Migration("20261207110200_OrganisationCities")]
public sealed class AddOrganisationCities : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>("cities", "organisations", nullable: false, defaultValue: "[]");

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropColumn("cities", "organisations");
}
