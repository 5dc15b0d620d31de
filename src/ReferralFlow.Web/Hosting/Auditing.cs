using ReferralFlow.Core.Audit;

namespace ReferralFlow.Web.Hosting;

/// <summary>The audit trail's "who and from where" for a request: the page or API actor and the caller's address.</summary>
public static class Auditing
{
    public static AuditActor Actor(string name, HttpContext http) =>
        new(name, http.Connection.RemoteIpAddress is { } address ? $"web {address}" : "web");
}
