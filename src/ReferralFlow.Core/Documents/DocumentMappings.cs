using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Referrals;

namespace ReferralFlow.Core.Documents;

internal sealed class DocumentRequestMapping : IEntityTypeConfiguration<DocumentRequest>
{
    public void Configure(EntityTypeBuilder<DocumentRequest> entity)
    {
        entity.HasKey(d => d.Id);
        entity.Property(d => d.Id).ValueGeneratedNever();
        entity.HasOne<Referral>().WithMany().HasForeignKey(d => d.ReferralId).OnDelete(DeleteBehavior.Cascade);
        // Organisations are never deleted (an inactive one stays listed), so the reference needs no delete rule.
        entity.HasOne<Organisation>().WithMany().HasForeignKey(d => d.AuthorityOrganisationId).OnDelete(DeleteBehavior.ClientSetNull);
        entity.Property(d => d.Status).HasConversion<string>();
        entity.HasIndex(d => d.ReferralId);
        entity.HasIndex(d => d.AuthorityOrganisationId);
    }
}

internal sealed class DocumentRequirementMapping : IEntityTypeConfiguration<DocumentRequirement>
{
    public void Configure(EntityTypeBuilder<DocumentRequirement> entity)
    {
        entity.HasKey(r => r.Id);
        entity.Property(r => r.Id).ValueGeneratedNever();
        entity.HasOne<DocumentRequest>().WithMany().HasForeignKey(r => r.DocumentId).OnDelete(DeleteBehavior.Cascade);
        entity.HasIndex(r => r.DocumentId);
    }
}
