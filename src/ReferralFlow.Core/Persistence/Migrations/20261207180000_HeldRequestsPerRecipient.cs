using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ReferralFlow.Core.Persistence.Migrations;

/// <summary>A request can be held for consent more than once: held for one organisation and released, then moved (the
/// role reassigned, the request forwarded) to another that no consent covers yet. Each hold keeps its own row, so the
/// first one's release is not lost; at most one is held at a time, which the consent gate keeps.</summary>
[DbContext(typeof(ReferralFlowDb))]
[Migration("20261207180000_HeldRequestsPerRecipient")]
public sealed class HeldRequestsPerRecipient : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("ux_held_requests_hand_off_id", "held_requests");
        migrationBuilder.CreateIndex("ix_held_requests_hand_off_id", "held_requests", "hand_off_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("ix_held_requests_hand_off_id", "held_requests");
        migrationBuilder.CreateIndex("ux_held_requests_hand_off_id", "held_requests", "hand_off_id", unique: true);
    }
}
