using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ReferralFlow.Core.Persistence.Migrations;

/// <summary>Staff roles from the directory instead of fixed addresses: a contact's staff roles (a JSON list, empty for
/// every existing contact, so nothing changes until a directory names them) and the network's contact per role.</summary>
[DbContext(typeof(ReferralFlowDb))]
[Migration("20261207110000_DirectoryStaffRoles")]
public sealed class AddDirectoryStaffRoles : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("staff_roles", "contacts", nullable: false, defaultValue: "[]");

        migrationBuilder.CreateTable(
            name: "network_contacts",
            columns: table => new
            {
                role = table.Column<string>(nullable: false),
                contact_key = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_network_contacts", x => x.role));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("network_contacts");
        migrationBuilder.DropColumn("staff_roles", "contacts");
    }
}
