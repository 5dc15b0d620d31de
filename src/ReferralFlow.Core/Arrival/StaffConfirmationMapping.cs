using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReferralFlow.Core.HandOffs;

namespace ReferralFlow.Core.Arrival;

internal sealed class StaffConfirmationMapping : IEntityTypeConfiguration<StaffConfirmation>
{
    public void Configure(EntityTypeBuilder<StaffConfirmation> entity)
    {
        entity.ToTable("arrival_confirmations");
        entity.HasKey(c => c.Id);
        entity.Property(c => c.Id).ValueGeneratedNever();
        entity.HasOne<HandOff>().WithMany().HasForeignKey(c => c.HandOffId).OnDelete(DeleteBehavior.Cascade);
        // One answer per hand-off, as for the reply page's answers.
        entity.HasIndex(c => c.HandOffId).IsUnique();
    }
}
