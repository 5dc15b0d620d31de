using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ReferralFlow.Web.Hosting;

/// <summary>
/// What the host does for every request before the app sees it: security headers, HSTS under HTTPS, server errors
/// without details, reply tokens kept out of the logs, and text that cannot be stored refused with a sentence.
/// </summary>
public static class HostingDefences
{
    public static IServiceCollection AddReferralFlowHostingDefences(this IServiceCollection services)
    {
        // Says nothing about the server software to whoever asks.
        services.Configure<KestrelServerOptions>(options => options.AddServerHeader = false);
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ServerErrors.Trim);
        services.AddExceptionHandler<ServerErrors>();
        services.AddReplyTokenRedaction();
        return services;
    }

    /// <summary>First in the pipeline, so that static files, refusals and errors carry the same headers.</summary>
    public static IApplicationBuilder UseReferralFlowHostingDefences(this WebApplication app)
    {
        app.UseReplyTokenRedaction();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        // Pages show /error; /api answers problem details (ServerErrors). Never the developer page outside Development.
        app.UseExceptionHandler("/error");
        app.UseMalformedTextRefusal();
        return app;
    }
}
