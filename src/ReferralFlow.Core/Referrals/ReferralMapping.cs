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
        // A case's procedures share its code; its part tells them apart (a suffixed code is unique by itself).
        entity.HasIndex(r => new { r.CaseCode, r.CasePart }).IsUnique();
        entity.Property(r => r.CasePart).HasDefaultValue(1);
        entity.HasIndex(r => r.Status);
        entity.Property(r => r.Status).HasConversion<string>();
        entity.Property(r => r.Revision).IsConcurrencyToken();
        entity.Property(r => r.Stage).HasConversion<string>();
        entity.Property(r => r.TransitCountries).HasConversion(new JsonListConverter(), JsonListConverter.Comparer);
        // Added by the second migration; the default fills the rows that existed before.
        entity.Property(r => r.OpenIncidents).HasDefaultValue(0);
    }
}
