using ReferralFlow.Core.Audit;

namespace ReferralFlow.Web.Pages;

/// <summary>Who the audit trail records for a web request: the page actor, and the address the request came from
/// ("web 10.0.0.7"), so a read of personal data can be traced to a workstation until users sign in.</summary>
public static class WebAuditActor
{
    public static AuditActor For(HttpContext http) =>
        new(PageActor.Name, $"web {http.Connection.RemoteIpAddress?.ToString() ?? "unknown"}");
}
