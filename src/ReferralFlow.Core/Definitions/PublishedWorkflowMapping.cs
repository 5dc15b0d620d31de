using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ReferralFlow.Core.Definitions;

internal sealed class PublishedWorkflowMapping : IEntityTypeConfiguration<PublishedWorkflow>
{
    public void Configure(EntityTypeBuilder<PublishedWorkflow> entity)
    {
        entity.HasKey(w => new { w.WorkflowId, w.Version });
        entity.Property(w => w.Version).ValueGeneratedNever();
    }
}
