using ReferralFlow.Core.Audit;
using ReferralFlow.Web.SignIn;

namespace ReferralFlow.Web.Hosting;

/// <summary>The audit trail's "who and from where" for a request: the signed-in user and the caller's address.</summary>
public static class Auditing
{
    public static AuditActor Actor(string name, HttpContext http) =>
        new(name, http.Connection.RemoteIpAddress is { } address ? $"web {address}" : "web");

    /// <summary>The signed-in user (their e-mail) and their organisation; anonymous requests never change anything.</summary>
    public static AuditActor For(HttpContext http) =>
        StaffClaims.Member(http.User) is { } member
            ? Actor($"{member.UserName} org:{member.OrganisationId:D}", http)
            : throw new InvalidOperationException("An anonymous request reached a change that needs a signed-in user.");
}
