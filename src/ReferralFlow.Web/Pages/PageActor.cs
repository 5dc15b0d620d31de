using ReferralFlow.Core.Acting;
using ReferralFlow.Web.SignIn;

namespace ReferralFlow.Web.Pages;

/// <summary>
/// Who a web request acts as: the one place the web host turns a request into an <see cref="Actor"/>, for pages and API
/// alike — the signed-in user (by their e-mail, with their organisation) and the address the request came from. Only
/// the public pages (sign-in, reply links) see anonymous requests, and they never change anything as "the web".
/// </summary>
public static class PageActor
{
    public const string Name = "web";

    public static Actor For(HttpContext http) =>
        StaffClaims.Member(http.User) is { } member
            ? Actor.User(member.UserId, member.UserName, member.OrganisationId, Address(http))
            : Actor.Anonymous(Name, Address(http));

    private static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
