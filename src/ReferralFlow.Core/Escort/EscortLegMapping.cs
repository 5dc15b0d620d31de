using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Referrals;

namespace ReferralFlow.Core.Escort;

internal sealed class EscortLegMapping : IEntityTypeConfiguration<EscortLeg>
{
    public void Configure(EntityTypeBuilder<EscortLeg> entity)
    {
        entity.HasKey(l => l.Id);
        entity.Property(l => l.Id).ValueGeneratedNever();
        entity.HasOne<Referral>().WithMany().HasForeignKey(l => l.ReferralId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<Organisation>().WithMany().HasForeignKey(l => l.EscortOrganisationId).OnDelete(DeleteBehavior.ClientSetNull);
        entity.HasIndex(l => l.ReferralId);
        entity.HasIndex(l => l.EscortOrganisationId);
    }
}
