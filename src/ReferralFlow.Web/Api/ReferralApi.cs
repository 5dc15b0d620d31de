using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.Intake;
using ReferralFlow.Core.Forms;
using ReferralFlow.Web.Pages;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Queries;
using ReferralFlow.Core.Runtime;

namespace ReferralFlow.Web.Api;

/// <summary>/api: the same operations as the pages, as JSON.</summary>
public static class ReferralApi
{
    public static IEndpointRouteBuilder MapReferralFlowApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").AddEndpointFilter<ReferralFlowProblems>();
        api.MapGet("/referrals", ListReferrals);
        api.MapGet("/referrals/{id:guid}", ShowReferral);
        api.MapPost("/referrals", StartReferral);
        api.MapGet("/tasks", ListTasks);
        api.MapPost("/tasks/{id:guid}/complete", CompleteTask);
        api.MapPost("/handoffs/{id:guid}/answer", AnswerHandOff);
        return routes;
    }

    private static async Task<Ok<IReadOnlyList<ReferralSummary>>> ListReferrals(ReferralFlowDb db, CancellationToken ct) =>
        TypedResults.Ok(await ReferralQueries.ListAsync(db, ct: ct));

    private static async Task<Results<Ok<ReferralDetails>, ProblemHttpResult>> ShowReferral(Guid id, ReferralFlowDb db, CancellationToken ct) =>
        await ReferralQueries.ShowAsync(db, id, ct) is { } details ? TypedResults.Ok(details) : NotFound($"No referral {id}.");

    private static async Task<Ok<IReadOnlyList<TaskSummary>>> ListTasks(ReferralFlowDb db, CancellationToken ct) =>
        TypedResults.Ok(await TaskQueries.ListOpenAsync(db, ct: ct));

    private static async Task<Created<StartedReferralResponse>> StartReferral(
        JsonObject body, ReferralStart start, HttpContext http, CancellationToken ct)
    {
        var intakeFields = body.DeepClone().AsObject();
        var workflow = intakeFields[StartReferralBody.Workflow] is JsonValue value && value.TryGetValue<string>(out var id) && id.Length > 0 ? id
            : throw new ReferralFlowException("Give \"workflow\": the id of a published workflow.");
        intakeFields.Remove(StartReferralBody.Workflow);
        if (intakeFields[StartReferralBody.LegacyVariables] is { } legacy && !intakeFields.ContainsKey("variables"))
        {
            intakeFields.Remove(StartReferralBody.LegacyVariables);
            intakeFields["variables"] = legacy;
        }
        var result = await start.StartAsync(workflow, IntakeReader.Read(intakeFields), PageActor.ForApi(http), ct);
        var started = result.Referral;
        return TypedResults.Created($"/api/referrals/{started.Id}", new StartedReferralResponse(started.Id, started.CaseCode));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> CompleteTask(
        Guid id, CompleteTaskRequest request, ReferralFlowDb db, ReferralRuntime runtime, TaskForms forms, HttpContext http, CancellationToken ct)
    {
        if (!await db.Tasks.AnyAsync(t => t.Id == id, ct)) return NotFound($"No task {id}.");
        // A task with a form completes only with a valid "form" (checked as the page checks it); one without, without.
        if (request.Form is { } form)
            await forms.CompleteAsync(id, Outcome(request.Outcome), Values(request.Data), form, PageActor.ForApi(http), ct);
        else
            await runtime.CompleteTaskAsync(id, Outcome(request.Outcome), Values(request.Data), PageActor.ForApi(http), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> AnswerHandOff(
        Guid id, AnswerHandOffRequest request, ReferralFlowDb db, ReferralRuntime runtime, HttpContext http, CancellationToken ct)
    {
        if (!await db.HandOffs.AnyAsync(h => h.Id == id, ct)) return NotFound($"No hand-off {id}.");
        var channel = request.Channel ?? HandOffChannels.Email;
        // The runtime refuses "link" (the reply page's alone) and a request the consent gate holds, each with a sentence.
        await runtime.AnswerHandOffAsync(id, Outcome(request.Outcome), Values(request.Data), PageActor.ForApi(http), channel, ct);
        return TypedResults.NoContent();
    }

    private static string Outcome(string? outcome) =>
        outcome is { Length: > 0 } ? outcome : throw new ReferralFlowException("Give \"outcome\": one of the step's outcomes.");

    private static Dictionary<string, JsonNode?> Values(JsonObject? values) =>
        values?.ToDictionary(p => p.Key, p => p.Value?.DeepClone()) ?? [];

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(title: "Not found", detail: detail, statusCode: StatusCodes.Status404NotFound);
}
