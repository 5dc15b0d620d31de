using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Core.Tasks;

namespace ReferralFlow.Core.Consent;

internal sealed class ConsentRecordMapping : IEntityTypeConfiguration<ConsentRecord>
{
    public void Configure(EntityTypeBuilder<ConsentRecord> entity)
    {
        entity.ToTable("consents");
        entity.HasKey(c => c.Id);
        entity.Property(c => c.Id).ValueGeneratedNever();
        entity.HasOne<Referral>().WithMany().HasForeignKey(c => c.ReferralId).OnDelete(DeleteBehavior.Cascade);
        // The directory retires organisations (active: false) rather than deleting them; a consent keeps its recipient.
        entity.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.NoAction);
        // The gate's question: the consents of a referral for one recipient.
        entity.HasIndex(c => new { c.ReferralId, c.OrganisationId });
        entity.HasIndex(c => c.OrganisationId);
        entity.Ignore(c => c.IsWithdrawn);
        entity.Ignore(c => c.IsVitalInterests);
        entity.Ignore(c => c.SatisfiesChildRule);
    }
}

internal sealed class HeldRequestMapping : IEntityTypeConfiguration<HeldRequest>
{
    public void Configure(EntityTypeBuilder<HeldRequest> entity)
    {
        entity.HasKey(h => h.Id);
        entity.Property(h => h.Id).ValueGeneratedNever();
        entity.HasOne<Referral>().WithMany().HasForeignKey(h => h.ReferralId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<HandOff>().WithMany().HasForeignKey(h => h.HandOffId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<WorkTask>().WithMany().HasForeignKey(h => h.TaskId).OnDelete(DeleteBehavior.Cascade);
        entity.Property(h => h.Status).HasConversion<string>();
        entity.Property(h => h.ConsentNeeds).HasConversion(new JsonListConverter(), JsonListConverter.Comparer);
        entity.HasIndex(h => h.ReferralId);
        // Not unique: a request released for one organisation and moved to another can be held again (one held at a time).
        entity.HasIndex(h => h.HandOffId);
        entity.HasIndex(h => h.TaskId).IsUnique();
    }
}
