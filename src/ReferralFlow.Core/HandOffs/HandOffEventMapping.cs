using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ReferralFlow.Core.HandOffs;

internal sealed class HandOffEventMapping : IEntityTypeConfiguration<HandOffEvent>
{
    public void Configure(EntityTypeBuilder<HandOffEvent> entity)
    {
        entity.HasKey(e => e.Id);
        entity.Property(e => e.Id).ValueGeneratedOnAdd();
        entity.HasOne<HandOff>().WithMany().HasForeignKey(e => e.HandOffId).OnDelete(DeleteBehavior.Cascade);
        entity.HasIndex(e => e.HandOffId);
    }
}
