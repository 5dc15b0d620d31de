using ReferralFlow.Core.Definitions;
using ReferralFlow.Core.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Protection;

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
            .AddUserManager<StaffUserManager>()
            .AddEntityFrameworkStores<ReferralFlowDb>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<CommonPasswords>();

    /// <summary>
    /// Everything <see cref="UserManager{TUser}"/> needs outside a web host (the CLI, the demo's first run): logging
    /// (no sink unless <paramref name="logging"/> adds one), Data Protection on the keys folder under the application
    /// name the web host and <see cref="PersonalDataProtector"/> use, <see cref="ReferralFlowDb"/> per scope, these
    /// Identity rules and the clock. The use cases of this folder take it (or a host's own provider with the same
    /// registrations) and open a scope per change. Dispose it when done.
    /// </summary>
    public static ServiceProvider Services(string connectionString, string keysFolder, TimeProvider clock,
        Action<ILoggingBuilder>? logging = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(builder => logging?.Invoke(builder));
        services.AddSingleton(clock);
        services.AddReferralFlowCore(new ReferralFlowCoreSettings(connectionString, WorkflowFiles.DefaultDirectory(), keysFolder));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

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
