using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ReferralFlow.Core.Referrals;

internal sealed class ReferralMapping : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> entity)
    {
        entity.HasKey(r => r.Id);
        entity.Property(r => r.Id).ValueGeneratedNever();
        entity.HasIndex(r => r.CaseCode).IsUnique();
        entity.HasIndex(r => r.Status);
        entity.Property(r => r.Status).HasConversion<string>();
        entity.Property(r => r.Revision).IsConcurrencyToken();
        // Added by the second migration; the default fills the rows that existed before.
        entity.Property(r => r.OpenIncidents).HasDefaultValue(0);
    }
}
