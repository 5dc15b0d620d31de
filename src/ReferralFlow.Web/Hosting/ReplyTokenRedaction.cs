using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ReferralFlow.Web.Hosting;

/// <summary>
/// A reply address (/reply/{token}) is a credential that answers for a partner, and ASP.NET Core writes request paths
/// into its logs ("Request starting …", scopes, handler arguments) before any of our code runs. Every logger of the
/// host is therefore wrapped, whatever the provider and level: a message, its structured values and its scopes leave
/// with the token replaced, and the token of the request being served is replaced wherever else it appears.
/// </summary>
internal static partial class ReplyTokenRedaction
{
    public const string Redacted = "/reply/{redacted}";
    private const int MinimumTokenLength = 16;

    private static readonly AsyncLocal<string?> CurrentToken = new();

    public static IServiceCollection AddReplyTokenRedaction(this IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(provider => new RedactingLoggerFactory(new LoggerFactory(
            provider.GetServices<ILoggerProvider>(),
            provider.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
            provider.GetService<IOptions<LoggerFactoryOptions>>(),
            provider.GetService<IExternalScopeProvider>()))));
        return services;
    }

    /// <summary>Remembers the token of a reply request for the logs written while it is served.</summary>
    public static IApplicationBuilder UseReplyTokenRedaction(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            CurrentToken.Value = context.Request.Path.StartsWithSegments("/reply", StringComparison.OrdinalIgnoreCase, out var rest)
                && rest.Value?.Trim('/').Split('/')[0] is { Length: >= MinimumTokenLength } token ? token : null;
            return next(context);
        });

    public static bool Carries(string? text) =>
        text is not null && (ReplyPath().IsMatch(text) || (CurrentToken.Value is { } token && text.Contains(token, StringComparison.Ordinal)));

    public static string Redact(string text)
    {
        var redacted = ReplyPath().Replace(text, Redacted);
        return CurrentToken.Value is { } token ? redacted.Replace(token, "{redacted}", StringComparison.Ordinal) : redacted;
    }

    // Also matches the percent-encoded slash, as a raw target may carry it.
    [GeneratedRegex(@"/reply(/|%2F)[^/?#\s""'<>;,)\]]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReplyPath();
}
