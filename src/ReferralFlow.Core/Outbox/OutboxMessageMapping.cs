using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReferralFlow.Core.Referrals;

namespace ReferralFlow.Core.Outbox;

internal sealed class OutboxMessageMapping : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> entity)
    {
        entity.HasKey(m => m.Id);
        entity.Property(m => m.Id).ValueGeneratedNever();
        entity.HasOne<Referral>().WithMany().HasForeignKey(m => m.ReferralId).OnDelete(DeleteBehavior.Cascade);
        entity.Property(m => m.Status).HasConversion<string>();
        // The delivery worker's query: pending messages whose next attempt is due.
        entity.HasIndex(m => new { m.Status, m.NextAttemptAt });
    }
}
