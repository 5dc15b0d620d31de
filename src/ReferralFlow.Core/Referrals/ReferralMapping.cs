using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReferralFlow.Core.Persistence;

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
        entity.Property(r => r.Stage).HasConversion<string>();
        entity.Property(r => r.TransitCountries).HasConversion(new JsonListConverter(), JsonListConverter.Comparer);
        // Added by the second migration; the default fills the rows that existed before.
        entity.Property(r => r.OpenIncidents).HasDefaultValue(0);
    }
}
