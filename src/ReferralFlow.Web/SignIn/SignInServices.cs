using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using ReferralFlow.Core.Access;

namespace ReferralFlow.Web.SignIn;

/// <summary>Sign-in for staff: Identity's cookie for people, access tokens for API clients, and a fallback policy that
/// closes every endpoint nobody opened on purpose (sign-in, reply pages, health and static files are opened with
/// <c>AllowAnonymous</c>).</summary>
public static class SignInServices
{
    public const string StaffScheme = "Staff";

    public static IServiceCollection AddStaffSignIn(this IServiceCollection services)
    {
        // Identity itself, and the Data Protection key ring that protects cookies (the keys folder, so that sessions
        // survive a restart and every node reads them), come with the core's composition root (AddReferralFlowCore).
        services.AddHttpContextAccessor();
        services.AddScoped<StaffAccess>();
        new IdentityBuilder(typeof(StaffUser), typeof(IdentityRole<Guid>), services)
            .AddSignInManager<StaffSignInManager>()
            .AddClaimsPrincipalFactory<StaffClaims>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = StaffScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddPolicyScheme(StaffScheme, "Staff", options => options.ForwardDefaultSelector = context =>
                AccessTokenAuthentication.Carries(context.Request) ? AccessTokenAuthentication.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, AccessTokenAuthentication>(AccessTokenAuthentication.SchemeName, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(SessionCookie.Configure);
        // A disabled user's or a changed password's sessions end within a minute, not at the cookie's expiry.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(StaffRoles.Administrator, policy => policy.RequireRole(StaffRoles.Administrator))
            .AddPolicy(StaffRoles.Coordinator, policy => policy.RequireRole(StaffRoles.Coordinator))
            .AddPolicy(StaffRoles.Caseworker, policy => policy.RequireRole(StaffRoles.Caseworker));
        return services;
    }

    public static IApplicationBuilder UseStaffSignIn(this IApplicationBuilder app) =>
        app.UseAuthentication().UseAuthorization().UseMiddleware<TwoFactorGate>();
}
