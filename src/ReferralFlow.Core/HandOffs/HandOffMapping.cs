using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Referrals;

namespace ReferralFlow.Core.HandOffs;

internal sealed class HandOffMapping : IEntityTypeConfiguration<HandOff>
{
    public void Configure(EntityTypeBuilder<HandOff> entity)
    {
        entity.HasKey(h => h.Id);
        entity.Property(h => h.Id).ValueGeneratedNever();
        entity.HasOne<Referral>().WithMany().HasForeignKey(h => h.ReferralId).OnDelete(DeleteBehavior.Cascade);
        entity.Property(h => h.Outcomes)
            .HasConversion(new JsonListConverter(), JsonListConverter.Comparer);
        entity.Property(h => h.Status)
            .HasConversion(status => HandOffStatusCodes.ToCode(status), code => HandOffStatusCodes.FromCode(code));
        entity.HasIndex(h => h.Status);
    }
}
