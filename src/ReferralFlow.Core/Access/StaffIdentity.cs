using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Core.Access;

/// <summary>Users, passwords, lockout and two-factor tokens as the web host and the CLI both use them, so that a user
/// made with <c>referralflow users add</c> signs in on the web under the same rules. The host registers
/// <see cref="ReferralFlowDb"/> (scoped) and Data Protection (the keys folder).</summary>
public static class StaffIdentity
{
    public const int MinimumPasswordLength = 12;
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockoutPeriod = TimeSpan.FromMinutes(15);

    public static IdentityBuilder AddStaffIdentity(this IServiceCollection services) =>
        services.AddIdentityCore<StaffUser>(Configure)
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<ReferralFlowDb>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<CommonPasswords>();

    public static void Configure(IdentityOptions options)
    {
        // Length, no composition rules (NIST SP 800-63B); the commonest passwords are refused by CommonPasswords.
        options.Password.RequiredLength = MinimumPasswordLength;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 1;
        options.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
        options.Lockout.DefaultLockoutTimeSpan = LockoutPeriod;
        options.Lockout.AllowedForNewUsers = true;
        options.User.RequireUniqueEmail = true;
        options.SignIn.RequireConfirmedAccount = false;
    }
}
