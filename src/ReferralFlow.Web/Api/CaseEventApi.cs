using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using ReferralFlow.Core;
using ReferralFlow.Core.Access;
using ReferralFlow.Core.CaseEvents;
using ReferralFlow.Web.Pages;
using ReferralFlow.Web.SignIn;

namespace ReferralFlow.Web.Api;

/// <summary>The body of the case-event endpoints; each reads the fields it needs. Codes come from the closed lists of
/// CaseEvents/CaseVocabulary; <see cref="On"/> is a day, YYYY-MM-DD.</summary>
public sealed record CaseEventRequest(string? Kind = null, string? Reason = null, string? On = null, string? Channel = null);

/// <summary>
/// POST /api/referrals/{id}/missing | suspend | resume | leave | withdraw | contacts: the person's own events, for the
/// owning organisation's caseworkers only. Anyone else gets 404, as for a referral they cannot see, so case events cannot
/// be probed; a code outside its list is 400 with the list, and nothing changes.
/// </summary>
internal static class CaseEventApi
{
    public static RouteGroupBuilder MapCaseEvents(this RouteGroupBuilder api)
    {
        api.MapPost("/referrals/{id:guid}/missing", (Guid id, CaseEventRequest body, CaseEventActions actions, StaffAccess access, HttpContext http, CancellationToken ct) =>
            ActAsync(id, access, () => actions.RecordMissingAsync(id, body.Kind ?? "", PageActor.For(http), ct), ct));
        api.MapPost("/referrals/{id:guid}/suspend", (Guid id, CaseEventRequest body, CaseEventActions actions, StaffAccess access, HttpContext http, CancellationToken ct) =>
            ActAsync(id, access, () => actions.SuspendAsync(id, body.Reason ?? "", PageActor.For(http), ct), ct));
        api.MapPost("/referrals/{id:guid}/resume", (Guid id, CaseEventActions actions, StaffAccess access, HttpContext http, CancellationToken ct) =>
            ActAsync(id, access, () => actions.ResumeAsync(id, PageActor.For(http), ct), ct));
        api.MapPost("/referrals/{id:guid}/leave", (Guid id, CaseEventRequest body, CaseEventActions actions, StaffAccess access, HttpContext http, CancellationToken ct) =>
            ActAsync(id, access, () => actions.LeaveProgrammeAsync(id, body.Reason, PageActor.For(http), ct), ct));
        api.MapPost("/referrals/{id:guid}/withdraw", (Guid id, CaseEventRequest body, CaseEventActions actions, StaffAccess access, HttpContext http, CancellationToken ct) =>
            ActAsync(id, access, () => actions.WithdrawAsync(id, body.Reason, PageActor.For(http), ct), ct));
        api.MapPost("/referrals/{id:guid}/contacts", (Guid id, CaseEventRequest body, CaseEventActions actions, StaffAccess access, HttpContext http, CancellationToken ct) =>
            ActAsync(id, access, () => actions.RecordContactAsync(id, Day(body.On), body.Channel ?? "", body.Kind ?? "", PageActor.For(http), ct), ct));
        return api;
    }

    /// <summary>As every action on a referral: nobody outside the case learns it exists (404); inside it, only the
    /// owning organisation's caseworkers record the person's events (403 for partners and coordinators).</summary>
    private static async Task<Results<Ok<CaseEventResult>, ForbidHttpResult, ProblemHttpResult>> ActAsync(Guid id, StaffAccess access,
        Func<Task<CaseEventResult>> act, CancellationToken ct)
    {
        var grant = await access.GrantAsync(id, ct);
        if (!grant.MaySee)
            return TypedResults.Problem(title: "Not found", detail: $"No referral {id}.", statusCode: StatusCodes.Status404NotFound);
        if (grant is not { Standing: ReferralStanding.Owner, MayWork: true }) return TypedResults.Forbid();
        return TypedResults.Ok(await act());
    }

    private static DateOnly Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
            : throw new ReferralFlowException("Give \"on\": the day of the contact, as YYYY-MM-DD.");
}
