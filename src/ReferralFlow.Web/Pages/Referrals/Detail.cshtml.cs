using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core;
using ReferralFlow.Core.CaseEvents;
using ReferralFlow.Core.Definitions;
using ReferralFlow.Core.Forwarding;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.People;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Protection;
using ReferralFlow.Core.Queries;
using ReferralFlow.Core.Runtime;
using ReferralFlow.Engine.Definitions;
using ReferralFlow.Engine.Execution;
using ReferralFlow.Web.Forms;
using ReferralFlow.Web.Hosting;
using ReferralFlow.Web.SignIn;
using ReferralFlow.Core.Access;
using ReferralFlow.Core.Consent;

namespace ReferralFlow.Web.Pages.Referrals;

/// <summary>One referral: its open work with a form per task and hand-off, incidents, and history.
/// Every form posts back here; a refused action shows its reason and changes nothing. The person's own events have
/// their handlers in Detail.CaseEvents.cs.</summary>
public sealed partial class DetailModel(ReferralFlowDb db, ReferralRuntime runtime, WorkflowLibrary library, TimeProvider clock,
    PersonalDataProtector protector, StaffAccess access, Func<ReferralFlowDb> openDb) : PageModel
{
    /// <summary>Channels staff can record an answer through; "link" is the partner's own reply page.</summary>
    public static readonly IReadOnlyList<string> StaffChannels = HandOffChannels.Staff;

    public ReferralDetails? Referral { get; private set; }

    /// <summary>What the signed-in user may see and do here (Core/Access/ReferralAccess).</summary>
    public ReferralGrant Grant { get; private set; } = ReferralGrant.Nothing(Guid.Empty);

    /// <summary>Only the owning organisation's caseworkers act on the referral as a whole (answers, retries, withdrawal).</summary>
    public bool MayWorkReferral => Grant is { Standing: ReferralStanding.Owner, MayWork: true };
    public string WorkflowTitle { get; private set; } = "";
    public IReadOnlyList<TaskCard> Tasks { get; private set; } = [];
    public IReadOnlyList<HandOffCard> HandOffs { get; private set; } = [];
    public IReadOnlyList<OpenStep> OtherWaits { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    /// <summary>Shared without consent on vital interests, shown until the person's own consent is recorded.</summary>
    public IReadOnlyList<ConsentSummary> VitalInterestsOpen { get; private set; } = [];

    /// <summary>The partner organisations of the referral, for the coordinator's vital interests decision.</summary>
    public IReadOnlyList<(string Key, string Name)> Partners { get; private set; } = [];

    /// <summary>Urgent sharing without consent is a coordinator's decision, of the organisation that owns the referral.</summary>
    public bool MayDecideVitalInterests => Grant.Standing == ReferralStanding.Owner && access.Member.IsCoordinator
        && Referral?.Status == "active";

    /// <summary>Addresses partners proposed, waiting for this organisation's caseworkers (loaded for them only).</summary>
    public IReadOnlyList<AwaitingForward> AwaitingForwards { get; private set; } = [];
    public IReadOnlyList<(string Key, string Name)> ActiveOrganisations { get; private set; } = [];

    /// <summary>Requests nobody is asked for: the recipient cannot help and the address it proposed was declined.</summary>
    public IReadOnlyList<UnaskedRequest> UnaskedRequests { get; private set; } = [];

    /// <summary>The person's own events (suspension, last day of air travel …): whole for the owning organisation, a
    /// partner's part of them for a partner (Core/Access/PartnerView).</summary>
    public CaseState? Case => Referral?.Case;

    /// <summary>The person's data, decrypted only when staff ask for it (<c>?person=true</c>): each display is an
    /// audited read, so a page view that does not need it does not read it.</summary>
    public PersonView? Person { get; private set; }
    public bool PersonAsked { get; private set; }

    [TempData] public string? Message { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, bool person, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (person && Grant.MaySeePerson)
        {
            PersonAsked = true;
            Person = await PersonRecords.ReadAsync(db, protector, id, PageActor.For(HttpContext), clock.GetUtcNow(), ct);
        }
        return Page();
    }

    public Task<IActionResult> OnPostCompleteAsync(Guid id, Guid taskId, string? outcome, CancellationToken ct) =>
        ActAsync(id, async () =>
        {
            var task = await db.Tasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId && t.ReferralId == id, ct)
                ?? throw new ReferralFlowException("That task is not part of this referral.");
            if (!await ReferralAccess.MayActOnAsync(db, access.Member, task, ct))
                throw new ReferralFlowException("That task is for another organisation or role; you can see it but not complete it.");
            var data = SubmittedValues.Read(Request.Form, await FieldsAsync(id, task.StepId, ct));
            await runtime.CompleteTaskAsync(taskId, outcome ?? "", data, PageActor.For(HttpContext), ct);
            return $"'{task.Title}' completed: {Display.Words(outcome ?? "")}.";
        }, ct, task: true);

    public Task<IActionResult> OnPostAnswerAsync(Guid id, Guid handOffId, string? outcome, string? channel, CancellationToken ct) =>
        ActAsync(id, async () =>
        {
            var handOff = await db.HandOffs.AsNoTracking().SingleOrDefaultAsync(h => h.Id == handOffId && h.ReferralId == id, ct)
                ?? throw new ReferralFlowException("That hand-off is not part of this referral.");
            if (channel is null || !StaffChannels.Contains(channel))
                throw new ReferralFlowException($"Choose how the answer reached you: {string.Join(", ", StaffChannels)}.");
            var data = SubmittedValues.Read(Request.Form, await FieldsAsync(id, handOff.StepId, ct));
            await runtime.AnswerHandOffAsync(handOffId, outcome ?? "", data, PageActor.For(HttpContext), channel, ct);
            return $"Answer to '{handOff.Title}' recorded: {Display.Words(outcome ?? "")} ({channel}).";
        }, ct);

    public Task<IActionResult> OnPostConfirmForwardAsync(Guid id, Guid forwardId, string? organisation, CancellationToken ct) =>
        ActAsync(id, () => ForwardConfirmation.ConfirmAsync(runtime.OpenDb, library, clock, id, forwardId, organisation,
            PageActor.For(HttpContext), ct), ct);

    public Task<IActionResult> OnPostDeclineForwardAsync(Guid id, Guid forwardId, CancellationToken ct) =>
        ActAsync(id, () => ForwardDecline.DeclineAsync(runtime.OpenDb, clock, id, forwardId, PageActor.For(HttpContext), ct), ct);

    public Task<IActionResult> OnPostSendRequestAsync(Guid id, Guid handOffId, string? organisation, CancellationToken ct) =>
        ActAsync(id, () => RequestSending.SendAsync(runtime.OpenDb, library, clock, id, handOffId, organisation,
            PageActor.For(HttpContext), ct), ct);

    public Task<IActionResult> OnPostRetryAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, async () =>
        {
            await runtime.RetryIncidentsAsync(id, PageActor.For(HttpContext), ct);
            var stillFailing = await db.Referrals.AsNoTracking().Where(r => r.Id == id).Select(r => r.OpenIncidents).SingleAsync(ct);
            return stillFailing == 0
                ? "The failed steps were run again and the referral goes on."
                : "The failed steps were run again and failed again; see the incident.";
        }, ct);

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, string? reason, [FromServices] CaseEventActions caseEvents, CancellationToken ct) =>
        ActAsync(id, async () =>
        {
            await caseEvents.WithdrawAsync(id, reason, PageActor.For(HttpContext), ct);
            return "The referral was withdrawn; its open tasks and requests were cancelled.";
        }, ct);

    public Task<IActionResult> OnPostVitalInterestsAsync(Guid id, string? recipient, string? purpose, string? reason, CancellationToken ct) =>
        ActAsync(id, async () =>
        {
            var decided = await VitalInterests.DecideAsync(openDb, clock,
                new VitalInterestsInput(id, recipient ?? "", purpose ?? "", reason ?? "", access.Member.UserId), PageActor.For(HttpContext), ct);
            return $"'{decided.Purpose}' is shared with {decided.Organisation.Name} on vital interests" +
                (decided.Released > 0 ? $"; {decided.Released} held request(s) sent" : "") + ". Record the person's own consent as soon as they can give it.";
        }, ct, coordinator: true);

    private async Task<IActionResult> ActAsync(Guid id, Func<Task<string>> action, CancellationToken ct, bool task = false,
        bool coordinator = false)
    {
        Grant = await access.GrantAsync(id, ct);
        if (!Grant.MaySee) return NotFound();
        var allowed = coordinator ? Grant.Standing == ReferralStanding.Owner && access.Member.IsCoordinator
            : task ? Grant.MayWork : MayWorkReferral;
        if (!allowed) return Forbid();
        try
        {
            Message = await action();
            return RedirectToPage(new { id });
        }
        catch (Exception e) when (e is ReferralFlowException or WorkflowInputException)
        {
            Error = e.Message;
            await LoadAsync(id, ct);
            return Page();
        }
    }

    private async Task<IReadOnlyList<VariableField>> FieldsAsync(Guid referralId, string stepId, CancellationToken ct) =>
        VariableField.For(await DefinitionAsync(referralId, ct), stepId);

    private async Task<WorkflowDefinition> DefinitionAsync(Guid referralId, CancellationToken ct)
    {
        var pinned = await db.Referrals.AsNoTracking().Where(r => r.Id == referralId)
            .Select(r => new { r.WorkflowId, r.WorkflowVersion }).SingleAsync(ct);
        return await library.GetAsync(db, pinned.WorkflowId, pinned.WorkflowVersion, ct);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Grant = await access.GrantAsync(id, ct);
        if (!Grant.MaySee) return false;
        Referral = await ReferralQueries.ShowAsync(db, id, ct);
        if (Referral is null) return false;
        Referral = Referral with { Case = await CaseEventQueries.StateAsync(db, id, ct) };
        if (Grant.Standing == ReferralStanding.Partner) Referral = PartnerView.Of(Referral);
        Now = clock.GetUtcNow();
        var definition = await library.GetAsync(db, Referral.Workflow, Referral.Version, ct);
        WorkflowTitle = definition.Title;
        Tasks = [.. Referral.OpenSteps.Where(s => s.Kind == "task")
            .Select(s => new TaskCard(s, VariableField.For(definition, s.Step),
                (definition.Steps.FirstOrDefault(d => d.Id == s.Step) as ReferralFlow.Engine.Definitions.TaskStep)?.Form is not null))];
        HandOffs = [.. (await HandOffQueries.ListAsync(db, id, includeClosed: true, ct, access.VisibleHandOffs))
            .Select(h => new HandOffCard(h, VariableField.For(definition, h.Step)))];
        OtherWaits = [.. Referral.OpenSteps.Where(s => s.Kind is "wait" or "subworkflow")];
        VitalInterestsOpen = await VitalInterests.OpenAsync(db, id, Now, ct);
        if (MayDecideVitalInterests)
            Partners = [.. (await db.PartnerAssignments.AsNoTracking().Where(a => a.ReferralId == id)
                    .Join(db.Organisations, a => a.OrganisationId, o => o.Id, (_, o) => new { o.Key, o.Name }).Distinct().ToListAsync(ct))
                .OrderBy(o => o.Name).Select(o => (o.Key, o.Name))];
        if (MayWorkReferral)
        {
            AwaitingForwards = await ForwardConfirmation.AwaitingAsync(db, id, ct);
            UnaskedRequests = await ForwardDecline.UnaskedAsync(db, id, ct);
            if (AwaitingForwards.Count > 0 || UnaskedRequests.Count > 0)
                ActiveOrganisations = [.. (await db.Organisations.AsNoTracking().Where(o => o.Active).OrderBy(o => o.Name)
                    .Select(o => new { o.Key, o.Name }).ToListAsync(ct)).Select(o => (o.Key, o.Name))];
        }
        return true;
    }
}

/// <param name="HasForm">The task completes only with its form filled in, on the task's own page.</param>
public sealed record TaskCard(OpenStep Step, IReadOnlyList<VariableField> Fields, bool HasForm);

public sealed record HandOffCard(HandOffSummary HandOff, IReadOnlyList<VariableField> Fields)
{
    public bool IsOpen => HandOff.Status is "requested" or "received" or "accepted" or "in-progress";
}
