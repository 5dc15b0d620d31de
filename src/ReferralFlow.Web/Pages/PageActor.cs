using ReferralFlow.Core.Acting;

namespace ReferralFlow.Web.Pages;

/// <summary>
/// Who a web request acts as: the one place the web host turns a request into an <see cref="Actor"/>, for pages and
/// API alike. Until users sign in, it is a placeholder named by the surface ("web", "api") and traced to the caller's
/// address ("web 10.0.0.7"); with sign-in it becomes <see cref="Actor.User"/> built from the signed-in principal.
/// </summary>
public static class PageActor
{
    public const string Name = "web";

    public const string ApiName = "api";

    /// <summary>A request to a page.</summary>
    public static Actor For(HttpContext http) => Actor.Anonymous(Name, Address(http));

    /// <summary>A request to /api.</summary>
    public static Actor ForApi(HttpContext http) => Actor.Anonymous(ApiName, Address(http));

    private static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
