using System.Security.Claims;
using ReferralFlow.Core.Access;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Web.SignIn;

/// <summary>A signed-in user whose role reads the person's data, and who did not prove a second factor in this session,
/// reaches only the pages that set one up (and sign-out) until they do — unless an administrator lifted the requirement
/// for a demo. Access tokens count as proven: only a session that passed this gate can create one.</summary>
public sealed class TwoFactorGate(RequestDelegate next)
{
    public const string EnrolPath = "/account/two-factor";
    private static readonly string[] Open = [EnrolPath, "/signout", "/signin", "/css", "/js", "/health", "/reply", "/error"];

    public async Task InvokeAsync(HttpContext context, ReferralFlowDb db)
    {
        if (StaffClaims.Member(context.User) is { } member && TwoFactorRequirement.AppliesTo(member)
            && !Proven(context.User) && !Open.Any(p => context.Request.Path.StartsWithSegments(p))
            && !await TwoFactorRequirement.IsLiftedAsync(db, context.RequestAborted))
        {
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }
            context.Response.Redirect(EnrolPath);
            return;
        }
        await next(context);
    }

    public static bool Proven(ClaimsPrincipal user) =>
        user.FindAll("amr").Any(c => c.Value is "mfa" or AccessTokenAuthentication.Amr);
}
