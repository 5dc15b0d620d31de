using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Core.Tasks;

namespace ReferralFlow.Core.Forms;

internal sealed class FormSubmissionMapping : IEntityTypeConfiguration<FormSubmission>
{
    public void Configure(EntityTypeBuilder<FormSubmission> entity)
    {
        entity.HasKey(s => s.Id);
        entity.Property(s => s.Id).ValueGeneratedNever();
        entity.HasOne<Referral>().WithMany().HasForeignKey(s => s.ReferralId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<WorkTask>().WithMany().HasForeignKey(s => s.TaskId).OnDelete(DeleteBehavior.Cascade);
        entity.HasIndex(s => s.ReferralId);
        // A task completes once, so it has at most one submission.
        entity.HasIndex(s => s.TaskId).IsUnique();
    }
}
