using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core;
using ReferralFlow.Core.CaseEvents;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.Intake;
using ReferralFlow.Core.Forms;
using ReferralFlow.Web.Pages;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Queries;
using ReferralFlow.Core.Runtime;
using ReferralFlow.Core.Access;
using ReferralFlow.Core.Partners;
using ReferralFlow.Web.SignIn;

namespace ReferralFlow.Web.Api;

/// <summary>/api: the same operations as the pages, as JSON.</summary>
public static class ReferralApi
{
    public static IEndpointRouteBuilder MapReferralFlowApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").AddEndpointFilter<ReferralFlowProblems>();
        api.MapGet("/referrals", ListReferrals);
        api.MapGet("/referrals/{id:guid}", ShowReferral);
        // By case code; the catch-all takes a suffixed code's '/' as it comes (RF-2027-TRK65/2), or encoded (%2F).
        api.MapGet("/referrals/{**code}", ShowReferralByCode);
        api.MapPost("/referrals", StartReferral);
        api.MapGet("/tasks", ListTasks);
        api.MapPost("/tasks/{id:guid}/complete", CompleteTask);
        api.MapPost("/handoffs/{id:guid}/answer", AnswerHandOff);
        api.MapCaseEvents();
        return routes;
    }

    private static async Task<Ok<IReadOnlyList<ReferralSummary>>> ListReferrals(ReferralFlowDb db, StaffAccess access, CancellationToken ct) =>
        TypedResults.Ok(await ReferralQueries.ListAsync(db, ct: ct, within: access.VisibleReferrals));

    private static async Task<Results<Ok<ReferralDetails>, ProblemHttpResult>> ShowReferral(
        Guid id, ReferralFlowDb db, StaffAccess access, CancellationToken ct)
    {
        var grant = await access.GrantAsync(id, ct);
        if (!grant.MaySee || await ReferralQueries.ShowAsync(db, id, ct) is not { } details) return NotFound($"No referral {id}.");
        // The case state as "case" (as 'referrals show --json' has it): whole for the owner, its partner part for a partner.
        details = details with { Case = await CaseEventQueries.StateAsync(db, id, ct) };
        return TypedResults.Ok(grant.Standing == ReferralStanding.Partner ? PartnerView.Of(details) : details);
    }

    private static async Task<Results<Ok<ReferralDetails>, ProblemHttpResult>> ShowReferralByCode(
        string code, ReferralFlowDb db, StaffAccess access, CancellationToken ct) =>
        await ReferralQueries.FindByCodeAsync(access.VisibleReferrals, code, ct) is { } id
            ? await ShowReferral(id, db, access, ct)
            : NotFound($"No referral {code}: give its id or case code, like RF-2027-7KQ3M or RF-2027-7KQ3M/2.");

    private static async Task<Ok<IReadOnlyList<TaskSummary>>> ListTasks(ReferralFlowDb db, StaffAccess access, CancellationToken ct) =>
        TypedResults.Ok(await TaskQueries.ListOpenAsync(db, ct: ct, withinReferrals: access.OwnedReferralIds));

    private static async Task<Results<Created<StartedReferralResponse>, ForbidHttpResult>> StartReferral(
        JsonObject body, ReferralStart start, StaffAccess access, ReferralFlowDb db, HttpContext http, CancellationToken ct)
    {
        if (!access.Member.IsCaseworker) return TypedResults.Forbid();
        var intakeFields = body.DeepClone().AsObject();
        var workflow = intakeFields[StartReferralBody.Workflow] is JsonValue value && value.TryGetValue<string>(out var id) && id.Length > 0 ? id
            : throw new ReferralFlowException("Give \"workflow\": the id of a published workflow.");
        intakeFields.Remove(StartReferralBody.Workflow);
        if (intakeFields[StartReferralBody.LegacyVariables] is { } legacy && !intakeFields.ContainsKey("variables"))
        {
            intakeFields.Remove(StartReferralBody.LegacyVariables);
            intakeFields["variables"] = legacy;
        }
        var intake = await OwnOrganisationAsync(IntakeReader.Read(intakeFields), access.Member, db, ct);
        var result = await start.StartAsync(workflow, intake, PageActor.For(http), ct);
        var started = result.Referral;
        return TypedResults.Created($"/api/referrals/{started.Id}", new StartedReferralResponse(started.Id, started.CaseCode));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> CompleteTask(
        Guid id, CompleteTaskRequest request, ReferralFlowDb db, ReferralRuntime runtime, TaskForms forms, StaffAccess access,
        HttpContext http, CancellationToken ct)
    {
        var task = await db.Tasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
        if (task is null || !await ReferralAccess.MayActOnAsync(db, access.Member, task, ct)) return NotFound($"No task {id}.");
        // A task with a form completes only with a valid "form" (checked as the page checks it); one without, without.
        if (request.Form is { } form)
            await forms.CompleteAsync(id, Outcome(request.Outcome), Values(request.Data), form, PageActor.For(http), ct);
        else
            await runtime.CompleteTaskAsync(id, Outcome(request.Outcome), Values(request.Data), PageActor.For(http), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> AnswerHandOff(
        Guid id, AnswerHandOffRequest request, ReferralFlowDb db, ReferralRuntime runtime, StaffAccess access, HttpContext http,
        CancellationToken ct)
    {
        // Staff record a partner's answer on its behalf: the owning organisation's caseworkers only.
        var referralId = await db.HandOffs.Where(h => h.Id == id).Select(h => (Guid?)h.ReferralId).SingleOrDefaultAsync(ct);
        if (referralId is not { } owner || await access.GrantAsync(owner, ct) is not { Standing: ReferralStanding.Owner, MayWork: true })
            return NotFound($"No hand-off {id}.");
        var channel = request.Channel ?? HandOffChannels.Email;
        // The runtime refuses "link" (the reply page's alone) and a request the consent gate holds, each with a sentence.
        await runtime.AnswerHandOffAsync(id, Outcome(request.Outcome), Values(request.Data), PageActor.For(http), channel, ct);
        return TypedResults.NoContent();
    }

    /// <summary>A referral started through the API belongs to the caller's organisation: "sendingOrganisation" may be
    /// left out, and naming another one is refused.</summary>
    private static async Task<ReferralIntake> OwnOrganisationAsync(ReferralIntake intake, StaffMember member, ReferralFlowDb db,
        CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(intake.SendingOrganisation))
            return intake with { SendingOrganisation = member.OrganisationId.ToString("D") };
        var named = await PartnerDirectory.LookUpAsync(db, intake.SendingOrganisation.Trim(), ct);
        return named is null || named.Id == member.OrganisationId ? intake
            : intake with { ShapeProblems = [.. intake.ShapeProblems, ForeignSender] };
    }

    private static readonly IntakeProblem ForeignSender =
        new("$.sendingOrganisation", "must be your own organisation (leave it out to use yours): a referral belongs to the organisation that starts it");

    private static string Outcome(string? outcome) =>
        outcome is { Length: > 0 } ? outcome : throw new ReferralFlowException("Give \"outcome\": one of the step's outcomes.");

    private static Dictionary<string, JsonNode?> Values(JsonObject? values) =>
        values?.ToDictionary(p => p.Key, p => p.Value?.DeepClone()) ?? [];

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(title: "Not found", detail: detail, statusCode: StatusCodes.Status404NotFound);
}
