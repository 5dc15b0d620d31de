using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Referrals;

namespace ReferralFlow.Core.Travel;

internal sealed class TravelCostMapping : IEntityTypeConfiguration<TravelCost>
{
    public void Configure(EntityTypeBuilder<TravelCost> entity)
    {
        entity.HasKey(c => c.Id);
        entity.Property(c => c.Id).ValueGeneratedNever();
        entity.HasOne<Referral>().WithMany().HasForeignKey(c => c.ReferralId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<Organisation>().WithMany().HasForeignKey(c => c.FunderOrganisationId).OnDelete(DeleteBehavior.ClientSetNull);
        entity.HasIndex(c => c.ReferralId);
        entity.HasIndex(c => c.FunderOrganisationId);
    }
}
