using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.Referrals;

namespace ReferralFlow.Core.Monitoring;

internal sealed class MonitoringReportMapping : IEntityTypeConfiguration<MonitoringReport>
{
    public void Configure(EntityTypeBuilder<MonitoringReport> entity)
    {
        entity.HasKey(r => r.Id);
        entity.Property(r => r.Id).ValueGeneratedNever();
        entity.HasOne<Referral>().WithMany().HasForeignKey(r => r.ReferralId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<HandOff>().WithMany().HasForeignKey(r => r.HandOffId).OnDelete(DeleteBehavior.ClientSetNull);
        entity.HasIndex(r => r.ReferralId);
        entity.HasIndex(r => r.HandOffId);
    }
}
