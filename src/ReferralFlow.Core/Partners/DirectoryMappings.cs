using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Referrals;

namespace ReferralFlow.Core.Partners;

internal sealed class OrganisationMapping : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> entity)
    {
        entity.HasKey(o => o.Id);
        entity.Property(o => o.Id).ValueGeneratedNever();
        entity.HasIndex(o => o.Key).IsUnique();
        // The directory queries: same country and kind, then services in memory (they are a JSON list).
        entity.HasIndex(o => new { o.Country, o.Kind });
        entity.Property(o => o.Regions).HasConversion(new JsonListConverter(), JsonListConverter.Comparer);
        entity.Property(o => o.Cities).HasConversion(new JsonListConverter(), JsonListConverter.Comparer);
        entity.Property(o => o.Languages).HasConversion(new JsonListConverter(), JsonListConverter.Comparer);
        entity.Property(o => o.Services).HasConversion(new JsonListConverter(), JsonListConverter.Comparer);
    }
}

internal sealed class ContactMapping : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> entity)
    {
        entity.HasKey(c => c.Id);
        entity.Property(c => c.Id).ValueGeneratedNever();
        entity.HasIndex(c => c.Key).IsUnique();
        entity.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        entity.Property(c => c.StaffRoles).HasConversion(new JsonListConverter(), JsonListConverter.Comparer);
    }
}

internal sealed class NetworkContactMapping : IEntityTypeConfiguration<NetworkContact>
{
    public void Configure(EntityTypeBuilder<NetworkContact> entity) => entity.HasKey(n => n.Role);
}

internal sealed class PartnershipGapMapping : IEntityTypeConfiguration<PartnershipGap>
{
    public void Configure(EntityTypeBuilder<PartnershipGap> entity)
    {
        entity.HasKey(g => g.Id);
        entity.Property(g => g.Id).ValueGeneratedNever();
        entity.HasIndex(g => g.RecordedAt);
        entity.HasOne<Referral>().WithMany().HasForeignKey(g => g.ReferralId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgreementMapping : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> entity)
    {
        entity.HasKey(a => a.Id);
        entity.Property(a => a.Id).ValueGeneratedNever();
        entity.HasIndex(a => a.Key).IsUnique();
        entity.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PartnerAssignmentMapping : IEntityTypeConfiguration<PartnerAssignment>
{
    public void Configure(EntityTypeBuilder<PartnerAssignment> entity)
    {
        entity.HasKey(a => new { a.ReferralId, a.Role });
        entity.HasOne<Referral>().WithMany().HasForeignKey(a => a.ReferralId).OnDelete(DeleteBehavior.Cascade);
        // An organisation that plays a role in a referral cannot disappear from under it: retire it with active: false.
        entity.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.NoAction);
    }
}
