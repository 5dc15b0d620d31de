using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using ReferralFlow.Core;
using ReferralFlow.Core.Definitions;
using ReferralFlow.Core.Mail;
using ReferralFlow.Core.Replies;

namespace ReferralFlow.Web.Pages.Reply;

/// <summary>The reply pages' services: opening and answering through links, issuing links for the mail worker, and
/// the limits on answers (per token against a stuck or hostile client, per address against guessing) and on opening
/// reply pages (per address: each open is a guess at a token).</summary>
public static class ReplyServices
{
    public const string ExpiryDaysSetting = "REFERRALFLOW_REPLY_EXPIRY_DAYS";
    public const int AnswersPerTokenPerMinute = 10;
    public const int AnswersPerAddressPerMinute = 30;
    public const int OpensPerAddressPerMinute = 60;

    public static IServiceCollection AddReplyPages(this IServiceCollection services)
    {
        // Opening and answering come with the core (AddReferralFlowCore); the links need the host's public address.
        services.AddSingleton(provider => new ReplyLinks(
            provider.GetRequiredService<MailSettings>().PublicUrl,
            provider.GetRequiredService<WorkflowLibrary>(),
            provider.GetRequiredService<TimeProvider>())
        {
            ExpiryAfterDue = ExpiryAfterDue(provider.GetRequiredService<IConfiguration>()[ExpiryDaysSetting]),
        });
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                AnswersBy(context => ReplyToken(context), AnswersPerTokenPerMinute),
                AnswersBy(context => Address(context), AnswersPerAddressPerMinute),
                OpensBy(context => Address(context), OpensPerAddressPerMinute));
            options.OnRejected = (rejected, ct) => TooManyAnswersAsync(rejected.HttpContext, ct);
        });
        return services;
    }

    private static TimeSpan ExpiryAfterDue(string? days) =>
        days is not { Length: > 0 } ? ReplyLinks.DefaultExpiryAfterDue
        : int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 365 ? TimeSpan.FromDays(n)
        : throw new ReferralFlowException($"{ExpiryDaysSetting} must be a whole number of days from 1 to 365, not '{days}'.");

    /// <summary>Only answers (POST /reply/{token}) count; every other request passes without a limiter.</summary>
    private static PartitionedRateLimiter<HttpContext> AnswersBy(Func<HttpContext, string> key, int perMinute) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
            HttpMethods.IsPost(context.Request.Method) && ReplyToken(context).Length > 0
                ? RateLimitPartition.GetFixedWindowLimiter(key(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter(""));

    /// <summary>Only reply pages opened (GET /reply/{token}) count, apart from answers.</summary>
    private static PartitionedRateLimiter<HttpContext> OpensBy(Func<HttpContext, string> key, int perMinute) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
            !HttpMethods.IsPost(context.Request.Method) && ReplyToken(context).Length > 0
                ? RateLimitPartition.GetFixedWindowLimiter(key(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter(""));

    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static string ReplyToken(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/reply", StringComparison.OrdinalIgnoreCase, out var rest)
            ? rest.Value?.Trim('/') ?? "" : "";

    private static async ValueTask TooManyAnswersAsync(HttpContext context, CancellationToken ct)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = "60";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8" /><meta name="robots" content="noindex" /><meta name="referrer" content="no-referrer" />
            <title>Too many attempts · ReferralFlow</title><link rel="stylesheet" href="/css/site.css" /></head>
            <body><main class="container"><h1>Too many attempts</h1>
            <p>Too many {{(HttpMethods.IsPost(context.Request.Method) ? "answers were sent" : "reply pages were opened")}} in a short time,
            so this one was not looked at and nothing was changed. Wait a minute, then open the link from the e-mail again.</p></main></body></html>
            """, ct);
    }
}
