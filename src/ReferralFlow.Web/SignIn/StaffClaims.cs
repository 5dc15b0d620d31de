using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReferralFlow.Core.Access;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Web.SignIn;

/// <summary>The claims a signed-in user carries: Identity's (id, e-mail, roles, security stamp) and the organisation,
/// which every access decision needs.</summary>
public sealed class StaffClaims(UserManager<StaffUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options,
    ReferralFlowDb db)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole<Guid>>(users, roles, options)
{
    public const string Organisation = "rf:organisation";
    public const string FullName = "rf:name";
    public const string OrganisationName = "rf:organisation-name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(Organisation, user.OrganisationId.ToString("D")));
        identity.AddClaim(new Claim(FullName, user.FullName));
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == user.OrganisationId).Select(o => o.Name)
            .SingleOrDefaultAsync();
        identity.AddClaim(new Claim(OrganisationName, organisation ?? ""));
        return identity;
    }

    /// <summary>The staff member a principal stands for, or null when it is not a signed-in user.</summary>
    public static StaffMember? Member(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true) return null;
        if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)) return null;
        if (!Guid.TryParse(principal.FindFirstValue(Organisation), out var organisationId)) return null;
        var roleSet = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new StaffMember(userId, principal.FindFirstValue(ClaimTypes.Name) ?? userId.ToString("D"), organisationId, roleSet);
    }
}
