using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReferralFlow.Core.HandOffs;

namespace ReferralFlow.Core.Forwarding;

internal sealed class HandOffForwardMapping : IEntityTypeConfiguration<HandOffForward>
{
    public void Configure(EntityTypeBuilder<HandOffForward> entity)
    {
        entity.HasKey(f => f.Id);
        entity.Property(f => f.Id).ValueGeneratedNever();
        entity.HasOne<HandOff>().WithMany().HasForeignKey(f => f.HandOffId).OnDelete(DeleteBehavior.Cascade);
        entity.Property(f => f.Status).HasConversion(s => ForwardStatuses.Name(s), n => ForwardStatuses.Parse(n));
        entity.HasIndex(f => f.HandOffId);
        // The referral page lists the forwards awaiting its caseworkers.
        entity.HasIndex(f => new { f.ReferralId, f.Status });
    }
}
