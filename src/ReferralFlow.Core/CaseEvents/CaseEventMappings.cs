using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReferralFlow.Core.Referrals;

namespace ReferralFlow.Core.CaseEvents;

internal sealed class CaseEventMapping : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> entity)
    {
        entity.ToTable("case_events");
        entity.HasKey(e => e.Id);
        entity.Property(e => e.Id).ValueGeneratedNever();
        entity.HasOne<Referral>().WithMany().HasForeignKey(e => e.ReferralId).OnDelete(DeleteBehavior.Cascade);
        entity.HasIndex(e => e.ReferralId);
    }
}

internal sealed class CaseSuspensionMapping : IEntityTypeConfiguration<CaseSuspension>
{
    public void Configure(EntityTypeBuilder<CaseSuspension> entity)
    {
        entity.ToTable("case_suspensions");
        entity.HasKey(s => s.Id);
        entity.Property(s => s.Id).ValueGeneratedNever();
        entity.Ignore(s => s.IsOpen);
        entity.HasOne<Referral>().WithMany().HasForeignKey(s => s.ReferralId).OnDelete(DeleteBehavior.Cascade);
        // The timer claim asks "has this referral an open suspension?" for every due timer.
        entity.HasIndex(s => s.ReferralId);
    }
}
