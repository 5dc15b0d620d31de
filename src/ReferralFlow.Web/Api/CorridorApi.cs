using Microsoft.AspNetCore.Http.HttpResults;
using ReferralFlow.Core.Access;
using ReferralFlow.Core.Corridor;
using ReferralFlow.Core.Runtime;
using ReferralFlow.Web.Pages;
using ReferralFlow.Web.SignIn;

namespace ReferralFlow.Web.Api;

/// <summary><c>POST /api/referrals/{id}/corridor</c>: the corridor learnt or corrected during the case, by a caseworker of
/// the organisation that owns the referral. Fields left out keep their value; "transit" replaces the list.</summary>
public static class CorridorApi
{
    public static IEndpointRouteBuilder MapCorridorApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api").AddEndpointFilter<ReferralFlowProblems>().MapPost("/referrals/{id:guid}/corridor", ChangeCorridor);
        return routes;
    }

    private static async Task<Results<Ok<CorridorResponse>, ForbidHttpResult, ProblemHttpResult>> ChangeCorridor(
        Guid id, CorridorRequest request, ReferralRuntime runtime, StaffAccess access, HttpContext http, CancellationToken ct)
    {
        var grant = await access.GrantAsync(id, ct);
        // Nobody outside the case learns it exists; inside it, only the owner's caseworkers change its corridor.
        if (!grant.MaySee)
            return TypedResults.Problem(title: "Not found", detail: $"No referral {id}.", statusCode: StatusCodes.Status404NotFound);
        if (grant is not { Standing: ReferralStanding.Owner, MayWork: true }) return TypedResults.Forbid();
        var changed = await CorridorChange.ChangeAsync(runtime, id,
            new CorridorChangeInput(request.Origin, request.Transit, request.Destination), PageActor.For(http), ct);
        return TypedResults.Ok(new CorridorResponse(changed.ReferralId, changed.CaseCode,
            changed.To.Origin, changed.To.Transit, changed.To.Destination, changed.From.ToString(), changed.To.ToString(), changed.IncidentsRetried));
    }
}

/// <summary>The body: <c>origin</c> (a country code, or "unknown"), <c>transit</c> (the whole list, [] for none),
/// <c>destination</c>; each optional.</summary>
public sealed record CorridorRequest(string? Origin, IReadOnlyList<string?>? Transit, string? Destination);

public sealed record CorridorResponse(Guid Id, string CaseCode, string? Origin, IReadOnlyList<string> Transit, string? Destination,
    string Was, string Now, int IncidentsRetried);
