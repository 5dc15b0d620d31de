using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ReferralFlow.Core.Persistence.Migrations;

/// <summary>On PostgreSQL the database itself refuses UPDATE, DELETE and TRUNCATE on the audit trail, whoever asks,
/// the table's owner included: removing that refusal takes a deliberate <c>ALTER TABLE … DISABLE TRIGGER</c> or
/// <c>DROP TRIGGER</c>, and the keyed chain and its checkpoint still show what was done then. Nothing in the product
/// changes or deletes an audit row. SQLite has no roles, and whoever can write its file can drop a trigger, so there
/// the keyed chain is the protection.</summary>
[DbContext(typeof(ReferralFlowDb))]
[Migration("20261204130000_AuditAppendOnly")]
public sealed class AuditAppendOnly : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (!migrationBuilder.IsNpgsql()) return;
        migrationBuilder.Sql("""
            CREATE FUNCTION audit_entries_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'the audit trail is append-only: % on audit_entries is refused', TG_OP
                    USING ERRCODE = 'insufficient_privilege';
            END;
            $$;
            CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
                FOR EACH ROW EXECUTE FUNCTION audit_entries_refuse_change();
            CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
                FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_refuse_change();
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (!migrationBuilder.IsNpgsql()) return;
        migrationBuilder.Sql("""
            DROP TRIGGER audit_entries_no_truncate ON audit_entries;
            DROP TRIGGER audit_entries_append_only ON audit_entries;
            DROP FUNCTION audit_entries_refuse_change();
            """);
    }
}
