using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReferralFlow.Core.Referrals;

namespace ReferralFlow.Core.History;

internal sealed class HistoryEntryMapping : IEntityTypeConfiguration<HistoryEntry>
{
    public void Configure(EntityTypeBuilder<HistoryEntry> entity)
    {
        entity.HasKey(h => h.Id);
        entity.Property(h => h.Id).ValueGeneratedOnAdd();
        entity.HasOne<Referral>().WithMany().HasForeignKey(h => h.ReferralId).OnDelete(DeleteBehavior.Cascade);
    }
}
