using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ReferralFlow.Core.Access;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Web.SignIn;

/// <summary>API clients send <c>Authorization: Bearer rfpat_…</c>: the token stands for its user, with that user's
/// organisation and roles as they are now (a disabled user's tokens stop working).</summary>
public sealed class AccessTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ReferralFlowDb db, UserManager<StaffUser> users, IUserClaimsPrincipalFactory<StaffUser> claims, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AccessToken";
    public const string Amr = "pat";
    private const string BearerPrefix = "Bearer ";

    public static bool Carries(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var now = clock.GetUtcNow();
        var token = await PersonalAccessTokens.FindUsableAsync(db, header[BearerPrefix.Length..].Trim(), now, Context.RequestAborted);
        if (token is null) return AuthenticateResult.Fail("The access token is unknown, expired or revoked.");
        var user = await users.FindByIdAsync(token.UserId.ToString("D"));
        if (user is null || !StaffSignInRules.CanSignIn(user)) return AuthenticateResult.Fail("The access token's user cannot sign in.");
        // Last use to the minute is enough to tell a live token from a forgotten one, without a write per request.
        if (token.LastUsedAt is not { } last || now - last > TimeSpan.FromMinutes(1))
        {
            token.LastUsedAt = now;
            await db.SaveChangesAsync(Context.RequestAborted);
        }
        var principal = await claims.CreateAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim("amr", Amr));
        return AuthenticateResult.Success(new AuthenticationTicket(
            new ClaimsPrincipal(new ClaimsIdentity(principal.Claims, SchemeName)), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
