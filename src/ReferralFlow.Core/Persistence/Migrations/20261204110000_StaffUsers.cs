using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace ReferralFlow.Core.Persistence.Migrations;

/// <summary>Sign-in: staff users of directory organisations with their roles (ASP.NET Core Identity's tables under our
/// names), personal access tokens for API clients, and deployment settings. New tables only: every existing row stays.
/// A deployment starts with no user; the first administrator is made with <c>referralflow users add</c>.</summary>
[DbContext(typeof(ReferralFlowDb))]
[Migration("20261204110000_StaffUsers")]
public sealed class AddStaffUsers : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "users",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                organisation_id = table.Column<Guid>(nullable: false),
                full_name = table.Column<string>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                disabled_at = table.Column<DateTime>(nullable: true),
                user_name = table.Column<string>(maxLength: 256, nullable: true),
                normalized_user_name = table.Column<string>(maxLength: 256, nullable: true),
                email = table.Column<string>(maxLength: 256, nullable: true),
                normalized_email = table.Column<string>(maxLength: 256, nullable: true),
                email_confirmed = table.Column<bool>(nullable: false),
                password_hash = table.Column<string>(nullable: true),
                security_stamp = table.Column<string>(nullable: true),
                concurrency_stamp = table.Column<string>(nullable: true),
                phone_number = table.Column<string>(nullable: true),
                phone_number_confirmed = table.Column<bool>(nullable: false),
                two_factor_enabled = table.Column<bool>(nullable: false),
                lockout_end = table.Column<DateTime>(nullable: true),
                lockout_enabled = table.Column<bool>(nullable: false),
                access_failed_count = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_users", x => x.id);
                table.ForeignKey("fk_users_organisations_organisation_id", x => x.organisation_id,
                    principalTable: "organisations", principalColumn: "id", onDelete: ReferentialAction.NoAction);
            });

        migrationBuilder.CreateTable(
            name: "roles",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                name = table.Column<string>(maxLength: 256, nullable: true),
                normalized_name = table.Column<string>(maxLength: 256, nullable: true),
                concurrency_stamp = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_roles", x => x.id));

        migrationBuilder.CreateTable(
            name: "user_roles",
            columns: table => new
            {
                user_id = table.Column<Guid>(nullable: false),
                role_id = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_user_roles", x => new { x.user_id, x.role_id });
                table.ForeignKey("fk_user_roles_users_user_id", x => x.user_id,
                    principalTable: "users", principalColumn: "id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("fk_user_roles_roles_role_id", x => x.role_id,
                    principalTable: "roles", principalColumn: "id", onDelete: ReferentialAction.Cascade);
            });

        CreateClaims(migrationBuilder, "user_claims", "user_id", "users");
        CreateClaims(migrationBuilder, "role_claims", "role_id", "roles");

        migrationBuilder.CreateTable(
            name: "user_logins",
            columns: table => new
            {
                login_provider = table.Column<string>(nullable: false),
                provider_key = table.Column<string>(nullable: false),
                provider_display_name = table.Column<string>(nullable: true),
                user_id = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_user_logins", x => new { x.login_provider, x.provider_key });
                table.ForeignKey("fk_user_logins_users_user_id", x => x.user_id,
                    principalTable: "users", principalColumn: "id", onDelete: ReferentialAction.Cascade);
            });

        // The authenticator key and the recovery codes live here (Identity's token store).
        migrationBuilder.CreateTable(
            name: "user_tokens",
            columns: table => new
            {
                user_id = table.Column<Guid>(nullable: false),
                login_provider = table.Column<string>(nullable: false),
                name = table.Column<string>(nullable: false),
                value = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                table.ForeignKey("fk_user_tokens_users_user_id", x => x.user_id,
                    principalTable: "users", principalColumn: "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "access_tokens",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                user_id = table.Column<Guid>(nullable: false),
                name = table.Column<string>(nullable: false),
                token_hash = table.Column<string>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                expires_at = table.Column<DateTime>(nullable: false),
                revoked_at = table.Column<DateTime>(nullable: true),
                last_used_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_access_tokens", x => x.id);
                table.ForeignKey("fk_access_tokens_users_user_id", x => x.user_id,
                    principalTable: "users", principalColumn: "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "network_settings",
            columns: table => new
            {
                name = table.Column<string>(nullable: false),
                value = table.Column<string>(nullable: false),
                changed_at = table.Column<DateTime>(nullable: false),
                changed_by = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_network_settings", x => x.name));

        migrationBuilder.CreateIndex("ux_users_normalized_user_name", "users", "normalized_user_name", unique: true);
        migrationBuilder.CreateIndex("ix_users_normalized_email", "users", "normalized_email");
        migrationBuilder.CreateIndex("ix_users_organisation_id", "users", "organisation_id");
        migrationBuilder.CreateIndex("ux_roles_normalized_name", "roles", "normalized_name", unique: true);
        migrationBuilder.CreateIndex("ix_user_roles_role_id", "user_roles", "role_id");
        migrationBuilder.CreateIndex("ix_user_logins_user_id", "user_logins", "user_id");
        migrationBuilder.CreateIndex("ux_access_tokens_token_hash", "access_tokens", "token_hash", unique: true);
        migrationBuilder.CreateIndex("ix_access_tokens_user_id", "access_tokens", "user_id");
    }

    private static void CreateClaims(MigrationBuilder migrationBuilder, string table, string owner, string ownerTable)
    {
        migrationBuilder.CreateTable(
            name: table,
            columns: t => new
            {
                id = t.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                owner = t.Column<Guid>(name: owner, nullable: false),
                claim_type = t.Column<string>(nullable: true),
                claim_value = t.Column<string>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey($"pk_{table}", x => x.id);
                t.ForeignKey($"fk_{table}_{ownerTable}_{owner}", x => x.owner,
                    principalTable: ownerTable, principalColumn: "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex($"ix_{table}_{owner}", table, owner);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "network_settings", "access_tokens", "user_tokens", "user_logins", "role_claims",
                     "user_claims", "user_roles", "roles", "users" })
            migrationBuilder.DropTable(table);
    }
}
