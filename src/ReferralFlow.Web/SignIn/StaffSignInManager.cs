using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ReferralFlow.Core.Access;

namespace ReferralFlow.Web.SignIn;

/// <summary>Identity's sign-in, with one rule of ours: a disabled user cannot sign in (and, through the security stamp
/// that disabling changes, loses the sessions they had).</summary>
public sealed class StaffSignInManager(
    UserManager<StaffUser> users, IHttpContextAccessor context, IUserClaimsPrincipalFactory<StaffUser> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<StaffUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<StaffUser> confirmation)
    : SignInManager<StaffUser>(users, context, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(StaffUser user) =>
        StaffSignInRules.CanSignIn(user) && await base.CanSignInAsync(user);
}
