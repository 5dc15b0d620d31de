using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Definitions;
using ReferralFlow.Core.History;
using ReferralFlow.Core.Outbox;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Core.Tasks;
using ReferralFlow.Engine.Definitions;
using ReferralFlow.Engine.Execution;

namespace ReferralFlow.Core.Consent;

/// <summary>
/// Keeps a partner request from leaving without the person's consent (issue 4 §2). The engine's unit of work asks it
/// about every message it queues: a request to an organisation that no valid consent covers for the step's purpose is
/// held — the hand-off and its deadline stand, the step waits, and a "consent needed" task tells the caseworker what
/// to record; reminders to that partner are held with it. A request to a role with no organisation assigned yet
/// passes unchanged (its delivery raises the usual incident).
/// </summary>
internal sealed class ConsentGate(ReferralFlowDb db, WorkflowLibrary library, List<HistoryEntry> history)
{
    public const string TaskRole = "caseworker";
    public const string ReleasedOutcome = "consent-recorded";

    /// <summary>True when the message must not be queued: it is held, or it reminds a partner of a held request.</summary>
    public async Task<bool> HoldsAsync(Referral referral, MessageQueued message, DateTimeOffset now, CancellationToken ct)
    {
        if (message.HandOffId is not { } handOffId || message.Kind == MessageKind.Notice) return false;
        if (message.Kind != MessageKind.Request) return await RemindsOfHeldAsync(referral, message, handOffId, now, ct);

        var handOff = await db.HandOffs.FindAsync([handOffId], ct);
        if (handOff is null) return false;
        var organisation = await HandOffs.HandOffAddressee.OrganisationAsync(db, handOff, ct);
        if (organisation is null) return false;
        var definition = await library.GetAsync(db, referral.WorkflowId, referral.WorkflowVersion, ct);
        var step = definition.Step(handOff.StepId) as PartnerRequestStep;
        var purpose = step?.ConsentPurpose ?? ConsentPurposes.DefaultFor(handOff.Request);
        var needs = step?.ConsentNeeds ?? [];
        var (valid, gap) = await ConsentCoverage.CheckAsync(db, referral.Id, organisation.Id, purpose, now, needs, ct);
        if (valid is not null) return false;

        var recipient = ConsentCoverage.Describe(organisation);
        var task = new WorkTask
        {
            Id = Guid.CreateVersion7(now), ReferralId = referral.Id, TokenId = handOff.TokenId, StepId = handOff.StepId,
            Title = $"Consent needed before '{handOff.Request}' goes to {recipient}: {gap!.Reason}. " +
                $"Record it with: referralflow consent record {referral.CaseCode} --recipient {organisation.Key} --purpose {purpose} " +
                (needs.Contains(ConsentNeeds.Written) ? "--form written" : "--form written|verbal") +
                (needs.Contains(ConsentNeeds.Own) ? " --given-by person|parent|guardian" : " --given-by person|parent|guardian|relative|legal-representative") +
                (await ChildStatus.IsChildAsync(db, referral.Id, ct) ? " (a child: given by the guardian, or add --guardian-cosigned)" : ""),
            Role = TaskRole, Outcomes = [ReleasedOutcome], CreatedAt = now, DueAt = handOff.DueAt,
        };
        db.Tasks.Add(task);
        db.HeldRequests.Add(new HeldRequest
        {
            Id = Guid.CreateVersion7(now), ReferralId = referral.Id, HandOffId = handOff.Id, StepId = handOff.StepId,
            Recipient = message.Recipient, Template = message.Template, OrganisationId = organisation.Id, Purpose = purpose,
            TaskId = task.Id, HeldAt = now, ConsentNeeds = needs,
        });
        Write(referral.Id, now, "consent-needed", handOff.StepId, $"'{handOff.Request}' to {recipient} held: {gap.Reason}");
        return true;
    }

    /// <summary>A hand-off closed (answered offline, timed out, cancelled): a request still held for it will never go,
    /// and its consent task goes with it.</summary>
    public async Task HandOffClosedAsync(Guid handOffId, DateTimeOffset now, CancellationToken ct)
    {
        var held = db.HeldRequests.Local.FirstOrDefault(h => h.HandOffId == handOffId && h.Status == HeldRequestStatus.Held)
            ?? await db.HeldRequests.SingleOrDefaultAsync(h => h.HandOffId == handOffId && h.Status == HeldRequestStatus.Held, ct);
        if (held is not { Status: HeldRequestStatus.Held }) return;
        held.Drop(now);
        var task = await db.Tasks.FindAsync([held.TaskId], ct);
        if (task is { Status: WorkTaskStatus.Open }) task.Cancel(now);
    }

    /// <summary>The consent task is not the engine's: it closes when the consent is recorded, not by an outcome.</summary>
    public async Task RefuseCompletingAsync(CompleteTask stimulus, CancellationToken ct)
    {
        var held = await db.HeldRequests.AsNoTracking().SingleOrDefaultAsync(h => h.TaskId == stimulus.TaskId, ct);
        if (held is null) return;
        var key = await db.Organisations.Where(o => o.Id == held.OrganisationId).Select(o => o.Key).SingleAsync(ct);
        throw new ReferralFlowException($"Task {stimulus.TaskId} closes by itself when the consent is recorded: run " +
            $"'referralflow consent record REFERRAL --recipient {key} --purpose {held.Purpose} ...' and the request goes out.");
    }

    /// <summary>A reminder, or the first escalation rung to the partner's backup, about a request the partner never
    /// received would itself share the case: it is held back too. Escalations to staff go as usual.</summary>
    private async Task<bool> RemindsOfHeldAsync(Referral referral, MessageQueued message, Guid handOffId, DateTimeOffset now, CancellationToken ct)
    {
        var held = await db.HeldRequests.AsNoTracking()
            .SingleOrDefaultAsync(h => h.HandOffId == handOffId && h.Status == HeldRequestStatus.Held, ct);
        if (held is null || (message.Recipient != held.Recipient && message.Recipient != Partners.Recipients.Backup)) return false;
        Write(referral.Id, now, "reminder-held", message.StepId, $"{message.Kind.ToString().ToLowerInvariant()} to {message.Recipient} not sent: consent needed");
        return true;
    }

    private void Write(Guid referralId, DateTimeOffset at, string kind, string stepId, string detail) =>
        history.Add(new HistoryEntry { ReferralId = referralId, At = at, Kind = kind, StepId = stepId, Detail = detail, Actor = "system" });

    /// <summary>The outbox row a held request becomes once released, as the engine would have written it.</summary>
    public static OutboxMessage Released(HeldRequest held, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), ReferralId = held.ReferralId, StepId = held.StepId, Kind = OutboxKinds.Request,
        Recipient = held.Recipient, Template = held.Template, HandOffId = held.HandOffId,
        PayloadJson = """{"taskId":null}""", CreatedAt = now, NextAttemptAt = now,
    };
}
