using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReferralFlow.Core.Referrals;

namespace ReferralFlow.Core.Incidents;

internal sealed class IncidentMapping : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> entity)
    {
        entity.HasKey(i => i.Id);
        entity.Property(i => i.Id).ValueGeneratedNever();
        entity.HasOne<Referral>().WithMany().HasForeignKey(i => i.ReferralId).OnDelete(DeleteBehavior.Cascade);
    }
}
