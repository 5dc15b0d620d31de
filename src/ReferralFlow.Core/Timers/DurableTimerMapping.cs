using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReferralFlow.Core.Referrals;

namespace ReferralFlow.Core.Timers;

internal sealed class DurableTimerMapping : IEntityTypeConfiguration<DurableTimer>
{
    public void Configure(EntityTypeBuilder<DurableTimer> entity)
    {
        entity.HasKey(t => t.Id);
        entity.Property(t => t.Id).ValueGeneratedNever();
        entity.HasOne<Referral>().WithMany().HasForeignKey(t => t.ReferralId).OnDelete(DeleteBehavior.Cascade);
        entity.Property(t => t.Purpose).HasConversion<string>();
        entity.HasIndex(t => t.DueAt);
    }
}
