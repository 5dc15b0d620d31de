namespace ReferralFlow.Web.Hosting;

/// <summary>
/// Headers on every response — pages, /api, reply pages, static files, errors and refusals alike — set when the
/// response starts, so that a handler that clears the response (the exception handler does) cannot drop them.
/// Reply addresses carry a credential: no referrer may take them to another site, and no other site may frame them.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>No inline script or style anywhere: every page loads /css/site.css and nothing else.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
}
