using ReferralFlow.Core.Queries;
using ReferralFlow.Web.SignIn;

namespace ReferralFlow.Web.Pages.Referrals;

/// <summary><c>/referrals/RF-2027-TRK65</c> opens the case a code names (as a caseworker types it, or a link in a
/// message or export carries it) on its page. The catch-all route takes a suffixed code's '/' as it comes
/// (<c>/referrals/RF-2027-TRK65/2</c>) or encoded (<c>%2F</c>); a GUID goes to the page's own route first.</summary>
public static class CaseCodeLinks
{
    public static IEndpointRouteBuilder MapCaseCodeLinks(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/referrals/{**code}", OpenAsync);
        return routes;
    }

    // Only among the referrals the user may see: anyone else learns nothing, not even that the code exists.
    private static async Task<IResult> OpenAsync(string code, StaffAccess access, CancellationToken ct) =>
        await ReferralQueries.FindByCodeAsync(access.VisibleReferrals, code, ct) is { } id
            ? Results.Redirect($"/referrals/{id}")
            : Results.NotFound();
}
