using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ReferralFlow.Web.SignIn;

/// <summary>The session cookie: HttpOnly, SameSite=Strict, Secure whenever the request is HTTPS, and gone after 30 idle
/// minutes. The API answers 401/403 instead of redirecting to the sign-in page.</summary>
public static class SessionCookie
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    public static void Configure(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = "rf.session";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = IdleTimeout;
        options.SlidingExpiration = true;
        options.LoginPath = "/signin";
        options.LogoutPath = "/signout";
        options.AccessDeniedPath = "/access-denied";
        options.Events.OnRedirectToLogin = context => ApiOr(context, StatusCodes.Status401Unauthorized);
        options.Events.OnRedirectToAccessDenied = context => ApiOr(context, StatusCodes.Status403Forbidden);
    }

    private static Task ApiOr(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
