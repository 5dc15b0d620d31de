using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReferralFlow.Core.HandOffs;

namespace ReferralFlow.Core.Replies;

internal sealed class ReplyTokenMapping : IEntityTypeConfiguration<ReplyToken>
{
    public void Configure(EntityTypeBuilder<ReplyToken> entity)
    {
        entity.HasKey(t => t.Id);
        entity.Property(t => t.Id).ValueGeneratedNever();
        entity.HasOne<HandOff>().WithMany().HasForeignKey(t => t.HandOffId).OnDelete(DeleteBehavior.Cascade);
        // Opening a link looks the token up by its hash; equal hashes would make a link ambiguous.
        entity.HasIndex(t => t.TokenHash).IsUnique();
        entity.HasIndex(t => t.HandOffId);
    }
}

internal sealed class ReplyAnswerMapping : IEntityTypeConfiguration<ReplyAnswer>
{
    public void Configure(EntityTypeBuilder<ReplyAnswer> entity)
    {
        entity.HasKey(a => a.Id);
        entity.Property(a => a.Id).ValueGeneratedNever();
        entity.HasOne<HandOff>().WithMany().HasForeignKey(a => a.HandOffId).OnDelete(DeleteBehavior.Cascade);
        entity.HasIndex(a => a.HandOffId).IsUnique();
    }
}
