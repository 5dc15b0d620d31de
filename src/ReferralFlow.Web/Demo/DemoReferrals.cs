using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Acting;
using ReferralFlow.Core.Forms;
using ReferralFlow.Core.Consent;
using ReferralFlow.Core.Definitions;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.Intake;
using ReferralFlow.Core.Mail;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Protection;
using ReferralFlow.Core.Runtime;
using ReferralFlow.Core.Tasks;
using ReferralFlow.Engine.Definitions;

namespace ReferralFlow.Web.Demo;

/// <summary>
/// Fills an empty database with <see cref="DemoCaseload"/>, played through the real runtime (as a caseworker
/// would: starting it through the intake with the person and the organisations, assigning the partner roles,
/// recording the person's consents, completing tasks, recording partners' answers), so every row is one the product
/// itself produced.
/// </summary>
public sealed class DemoReferrals(
    Func<ReferralFlowDb> openDb, WorkflowLibrary library, PersonalDataProtector protector, TimeProvider clock,
    IServiceProvider services, ILogger<DemoReferrals> logger)
{
    public const string Name = "demo";

    /// <summary>The demo plays staff; its history, audit entries and hand-off events name it.</summary>
    public static readonly Actor Acting = Actor.System(Name, "demo");

    private static readonly IReadOnlyDictionary<string, JsonNode?> NoData = new Dictionary<string, JsonNode?>();

    private static readonly HandOffStatus[] OpenHandOff =
        [HandOffStatus.Requested, HandOffStatus.Received, HandOffStatus.Accepted, HandOffStatus.InProgress];

    /// <summary>Creates the demo referrals when there are no referrals at all; returns how many it started.</summary>
    public async Task<int> SeedIfEmptyAsync(CancellationToken ct = default)
    {
        await using (var db = openDb())
            if (await db.Referrals.AnyAsync(ct)) return 0;

        var started = 0;
        foreach (var scenario in DemoCaseload.Scenarios(clock.GetUtcNow()))
        {
            try
            {
                await PlayAsync(scenario, ct);
                started++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A procedure file changed under the demo: keep the rest of the demo rather than the start-up.
                logger.LogWarning(e, "A demo referral on {Workflow} could not be played to its stage", scenario.WorkflowId);
            }
        }
        return started;
    }

    private async Task PlayAsync(DemoScenario scenario, CancellationToken ct)
    {
        var past = new DemoClock(clock.GetUtcNow() - scenario.StartedAgo);
        var runtime = new ReferralRuntime(openDb, library, past);
        var intake = new ReferralIntake
        {
            Person = scenario.Person, SendingOrganisation = scenario.Partners.Sending,
            ReceivingOrganisation = scenario.Partners.Receiving, Corridor = scenario.Partners.Corridor,
            Variables = scenario.Input ?? NoData,
        };
        var referral = (await new ReferralStart(runtime, protector, past).StartAsync(scenario.WorkflowId, intake, Acting, ct)).Referral;
        await AssignPartnersAsync(referral.Id, scenario, past, ct);
        await RecordConsentsAsync(referral.Id, scenario, past, ct);
        var gap = scenario.StartedAgo / (scenario.Moves.Count + 1);
        var delivery = DeliveryAt(past);
        foreach (var move in scenario.Moves)
        {
            past.Advance(gap);
            // The requests went out before the partners answered them, as they would have.
            if (delivery is not null) await delivery.DeliverDueAsync(ct);
            var data = move.Data ?? NoData;
            var (taskId, handOffId) = await OpenWorkAsync(referral.Id, move.StepId, ct);
            if (taskId is { } task)
                await CompleteAsync(runtime, past, task, move, data, ct);
            else if (handOffId is { } handOff)
                // A move "by link" is the partner's answer through its reply link, as the reply page records it.
                await runtime.AnswerHandOffAsync(handOff, move.Outcome, data,
                    move.Channel == HandOffChannels.Link ? Actor.ReplyLink(handOff, null) : Acting, move.Channel, ct);
            else
                throw new InvalidOperationException(
                    $"Demo referral {referral.CaseCode}: step '{move.StepId}' of '{scenario.WorkflowId}' is not open.");
        }
    }

    /// <summary>A task with a form completes with the form filled in (<see cref="DemoForms"/>).</summary>
    private async Task CompleteAsync(ReferralRuntime runtime, TimeProvider past, Guid taskId, DemoMove move,
        IReadOnlyDictionary<string, JsonNode?> data, CancellationToken ct)
    {
        var forms = new TaskForms(runtime, services.GetRequiredService<FormLibrary>(), protector, past);
        if (await forms.FormOfAsync(taskId, ct) is not { } form)
        {
            await runtime.CompleteTaskAsync(taskId, move.Outcome, data, Acting, ct);
            return;
        }
        var (submission, rest) = DemoForms.Fill(form, data, past.GetUtcNow());
        await forms.CompleteAsync(taskId, move.Outcome, rest, submission, Acting, ct);
    }

    /// <summary>The outbox delivered on the demo's clock; null when mail is not set up (the outbox loop reports why,
    /// and the demo's messages wait in the outbox like any others).</summary>
    private OutboxDelivery? DeliveryAt(TimeProvider past)
    {
        try
        {
            return new OutboxDelivery(openDb, services.GetRequiredService<IAddressBook>(), services.GetRequiredService<IEmailSender>(),
                services.GetRequiredService<TemplateSet>(), services.GetRequiredService<IReplyLinks>(), library,
                services.GetRequiredService<MailSettings>(), past);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("The demo referrals' past messages are left in the outbox: mail is not set up ({Error})", e.GetType().Name);
            return null;
        }
    }

    /// <summary>The roles the intake did not assign (it assigns the receiving one), before any request needs them.</summary>
    private async Task AssignPartnersAsync(Guid referralId, DemoScenario scenario, TimeProvider past, CancellationToken ct)
    {
        await using var db = openDb();
        var referral = await db.Referrals.AsNoTracking().SingleAsync(r => r.Id == referralId, ct);
        foreach (var role in await PartnerRoles.OfAsync(db, library, referral.WorkflowId, referral.WorkflowVersion, ct))
        {
            if (role == PartnerAssignments.ReceivingRole) continue;
            var organisation = scenario.Partners.Roles.GetValueOrDefault(role)
                ?? throw new InvalidOperationException($"The demo names no organisation for the role '{role}' of '{referral.WorkflowId}'.");
            var assigned = await PartnerAssignments.AssignAsync(db, library, referralId, role, organisation, Name, past.GetUtcNow(), ct);
            if (assigned.Warning is { } warning) throw new InvalidOperationException(warning);
        }
    }

    /// <summary>The person's consent (the guardian's, for a child) to every request the procedure can send, to the
    /// organisation playing its role — recorded at intake, as practice asks consent for the whole procedure.</summary>
    private async Task RecordConsentsAsync(Guid referralId, DemoScenario scenario, TimeProvider past, CancellationToken ct)
    {
        List<(string Organisation, string Purpose)> needed;
        string givenBy;
        await using (var db = openDb())
        {
            var referral = await db.Referrals.AsNoTracking().SingleAsync(r => r.Id == referralId, ct);
            var requests = await RequestsAsync(db, await library.GetAsync(db, referral.WorkflowId, referral.WorkflowVersion, ct), ct);
            needed = [.. requests.Where(r => r.Purpose != scenario.ConsentWithheld)
                .Select(r => (Organisation: scenario.Partners.Roles[r.Role], r.Purpose)).Distinct()];
            givenBy = await ChildStatus.IsChildAsync(db, referralId, ct) ? ConsentGivers.Guardian : ConsentGivers.Person;
        }
        foreach (var (organisation, purpose) in needed)
            await ConsentRecording.RecordAsync(openDb, past,
                new ConsentInput(referralId, organisation, purpose, ConsentForms.Written, givenBy, GuardianCosigned: false), Acting, ct);
    }

    /// <summary>The role and consent purpose of every partner request of the procedure and of the referrals it starts
    /// (monitoring) — not of the child procedure an adult referral would hand over to, which has its own consents.</summary>
    private async Task<List<(string Role, string Purpose)>> RequestsAsync(ReferralFlowDb db, WorkflowDefinition definition, CancellationToken ct)
    {
        var requests = new List<(string Role, string Purpose)>();
        foreach (var step in definition.Steps)
        {
            if (step is PartnerRequestStep request)
                requests.Add((request.Partner, request.ConsentPurpose ?? ConsentPurposes.DefaultFor(request.Request)));
            else if (step is SubworkflowStep sub && sub.Workflow != ChildStatus.ChildWorkflow && sub.Workflow != definition.Id)
                requests.AddRange(await RequestsAsync(db, await library.LatestAsync(db, sub.Workflow, ct), ct));
        }
        return requests;
    }

    private async Task<(Guid? Task, Guid? HandOff)> OpenWorkAsync(Guid referralId, string stepId, CancellationToken ct)
    {
        await using var db = openDb();
        var task = await db.Tasks
            .Where(t => t.ReferralId == referralId && t.StepId == stepId && t.Status == WorkTaskStatus.Open)
            .Select(t => (Guid?)t.Id).FirstOrDefaultAsync(ct);
        if (task is not null) return (task, null);
        var handOff = await db.HandOffs
            .Where(h => h.ReferralId == referralId && h.StepId == stepId && OpenHandOff.Contains(h.Status))
            .Select(h => (Guid?)h.Id).FirstOrDefaultAsync(ct);
        return (null, handOff);
    }
}
