using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Referrals;

namespace ReferralFlow.Core.Tasks;

internal sealed class WorkTaskMapping : IEntityTypeConfiguration<WorkTask>
{
    public void Configure(EntityTypeBuilder<WorkTask> entity)
    {
        entity.HasKey(t => t.Id);
        entity.Property(t => t.Id).ValueGeneratedNever();
        entity.HasOne<Referral>().WithMany().HasForeignKey(t => t.ReferralId).OnDelete(DeleteBehavior.Cascade);
        entity.Property(t => t.Outcomes)
            .HasConversion(new JsonListConverter(), JsonListConverter.Comparer);
        entity.Property(t => t.Status).HasConversion<string>();
        // The work queue: open tasks for a role.
        entity.HasIndex(t => new { t.Status, t.Role });
    }
}
