using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReferralFlow.Core.Referrals;

namespace ReferralFlow.Core.People;

internal sealed class PersonRecordMapping : IEntityTypeConfiguration<PersonRecord>
{
    public void Configure(EntityTypeBuilder<PersonRecord> entity)
    {
        entity.HasKey(p => p.ReferralId);
        entity.Property(p => p.ReferralId).ValueGeneratedNever();
        entity.HasOne<Referral>().WithOne().HasForeignKey<PersonRecord>(p => p.ReferralId).OnDelete(DeleteBehavior.Cascade);
        entity.Property(p => p.Revision).IsConcurrencyToken();
    }
}
