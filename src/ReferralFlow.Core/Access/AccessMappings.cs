using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReferralFlow.Core.Partners;

namespace ReferralFlow.Core.Access;

internal sealed class StaffUserMapping : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> entity)
    {
        entity.ToTable("users");
        entity.Ignore(u => u.IsDisabled);
        entity.HasOne<Organisation>().WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        entity.HasIndex(u => u.OrganisationId);
    }
}

internal sealed class AccessTokenMapping : IEntityTypeConfiguration<AccessToken>
{
    public void Configure(EntityTypeBuilder<AccessToken> entity)
    {
        entity.HasKey(t => t.Id);
        entity.Property(t => t.Id).ValueGeneratedNever();
        entity.HasIndex(t => t.TokenHash).IsUnique();
        entity.HasIndex(t => t.UserId);
        entity.HasOne<StaffUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NetworkSettingMapping : IEntityTypeConfiguration<NetworkSetting>
{
    public void Configure(EntityTypeBuilder<NetworkSetting> entity) => entity.HasKey(s => s.Name);
}

/// <summary>Identity's own tables under names of ours.</summary>
internal static class IdentityTables
{
    public static void Name(ModelBuilder model)
    {
        model.Entity<IdentityRole<Guid>>().ToTable("roles");
        model.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        model.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        model.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        model.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        model.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");
    }
}
