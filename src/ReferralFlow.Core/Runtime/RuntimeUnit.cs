using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Acting;
using ReferralFlow.Core.Consent;
using ReferralFlow.Core.Definitions;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.History;
using ReferralFlow.Core.Outbox;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Core.Timers;
using ReferralFlow.Engine.Execution;

namespace ReferralFlow.Core.Runtime;

/// <summary>
/// The work of one transaction: runs the engine for a referral, applies its effects, and follows on to the
/// parent or children those effects concern (a child that ends resumes its parent in the same commit).
/// </summary>
internal sealed partial class RuntimeUnit(ReferralFlowDb db, WorkflowLibrary library, TimeProvider clock, Actor actor,
    Protection.PersonalDataProtector? protector = null)
{
    private readonly WorkflowRunner runner = new(clock);
    private readonly Queue<(Guid ReferralId, Stimulus Stimulus)> followUps = new();
    private readonly HashSet<Guid> cancelledTokens = [];
    private readonly HashSet<Guid> touchedReferrals = [];
    private readonly List<HistoryEntry> history = [];
    private readonly List<DurableTimer> timers = [];
    private readonly List<OutboxMessage> outbox = [];
    private readonly List<HandOffEvent> handOffEvents = [];
    private static readonly RandomNumberGenerator random = RandomNumberGenerator.Create();
    private ConsentGate? consentGate;

    private ConsentGate Gate => consentGate ??= new ConsentGate(db, library, history);

    public ReferralFlowDb Db => db;

    public int StepsRun { get; private set; }

    public int RowsWritten { get; private set; }

    /// <param name="continues">A closed referral this one continues (a court appearance reopening it, Reopening/):
    /// recorded as its parent, without a token waiting on it, so partner roles and history are found through it.</param>
    public async Task<StartedReferral> StartAsync(
        string workflowId, IReadOnlyDictionary<string, JsonNode?> input, CancellationToken ct,
        ReferralParticulars? particulars = null, Guid? continues = null)
    {
        var definition = await library.LatestAsync(db, workflowId, ct);
        var referral = await StartInstanceAsync(definition, input, actor.Name, parent: null, ct, particulars, continues);
        await DrainAsync(ct);
        return new StartedReferral(referral.Id, referral.CaseCode);
    }

    public async Task ResumeAsync(Guid referralId, Stimulus stimulus, CancellationToken ct)
    {
        var referral = await db.Referrals.FindAsync([referralId], ct)
            ?? throw new ReferralFlowException($"No referral {referralId}.");
        if (referral.Status != ReferralStatus.Active)
            throw new ReferralFlowException($"Referral {referral.CaseCode} is {referral.Status.ToString().ToLowerInvariant()}; nothing can change on it.");
        if (stimulus is CompleteTask completion)
        {
            await CaseEvents.Suspensions.RefuseCompletingAsync(db, referralId, referral.CaseCode, ct);
            await Gate.RefuseCompletingAsync(completion, ct);
        }
        if (stimulus is AnswerHandOff answering) await RefuseAnsweringAsync(answering, ct);
        var typed = stimulus switch { CompleteTask c => c.Data, AnswerHandOff a => a.Data, _ => null };
        if (typed is not null) await RefuseMentionsAsync(referral, typed, ct);
        await RunAsync(referral, stimulus, ct);
        // A re-trafficking risk reported in answer to a monitoring request alerts at once, however the answer came.
        if (stimulus is AnswerHandOff answer) await Monitoring.ReTraffickingAlert.OnAnswerAsync(db, answer, clock.GetUtcNow(), ct);
        await DrainAsync(ct);
    }

    /// <summary>
    /// An answer by the link channel is the partner's own, from the reply page; anyone else records one heard by phone,
    /// in person or by e-mail, on the partner's behalf. A request the consent gate holds never reached the partner, so
    /// nobody answers it until consent releases it.
    /// </summary>
    private async Task RefuseAnsweringAsync(AnswerHandOff answer, CancellationToken ct)
    {
        if (actor is ReplyLinkActor link)
        {
            if (link.HandOffId != answer.HandOffId || answer.Channel != HandOffChannels.Link)
                throw new ReferralFlowException("A reply link answers only the request it was sent for.");
        }
        else if (answer.Channel == HandOffChannels.Link)
            throw new ReferralFlowException("The link channel is the partner's own, through the reply page: record an answer the " +
                $"partner gave by {string.Join(", ", HandOffChannels.Staff.SkipLast(1))} or {HandOffChannels.Staff[^1]} instead.");
        else if (!HandOffChannels.Staff.Contains(answer.Channel))
            throw new ReferralFlowException($"Unknown channel: say how the answer reached you, one of {string.Join(", ", HandOffChannels.Staff)}.");
        if (await db.HeldRequests.AnyAsync(h => h.HandOffId == answer.HandOffId && h.Status == HeldRequestStatus.Held, ct))
            throw new ConsentNeededException();
    }

    /// <summary>
    /// String variables are stored in clear and a place may reach a partner's message (issue 9 §3): one typed mid-case
    /// (task data, a form field that feeds a variable, a partner's answer) is refused when it mentions the person.
    /// Variables with a closed list of values cannot hold a name and are not compared.
    /// </summary>
    private async Task RefuseMentionsAsync(Referral referral, IReadOnlyDictionary<string, JsonNode?> data, CancellationToken ct)
    {
        if (protector is null || data.Count == 0) return;
        var definition = await library.GetAsync(db, referral.WorkflowId, referral.WorkflowVersion, ct);
        var typed = data
            .Where(d => definition.Variables.TryGetValue(d.Key, out var v) && v.Type == Engine.Conditions.VariableType.String && v.Values is null)
            .Select(d => (Field: $"'{d.Key}'", Value: d.Value is JsonValue value && value.TryGetValue<string>(out var text) ? text : null))
            .ToList();
        if (typed.Count > 0) await People.PersonMentionCheck.RefuseAsync(db, protector, referral.Id, typed, ct);
    }

    /// <summary>For timers: a timer of a referral that has since closed simply disappears.</summary>
    public async Task ResumeIfActiveAsync(Guid referralId, Stimulus stimulus, CancellationToken ct)
    {
        var referral = await db.Referrals.FindAsync([referralId], ct);
        if (referral is null || referral.Status != ReferralStatus.Active) return;
        await RunAsync(referral, stimulus, ct);
        await DrainAsync(ct);
    }

    public async Task FlushAsync(CancellationToken ct)
    {
        // Referrals first: the appended rows refer to them.
        RowsWritten += await db.SaveChangesAsync(ct);
        RowsWritten += await new AppendOnlyRows(db)
            .Add(history)
            .Add(timers.Where(t => !cancelledTokens.Contains(t.TokenId)))
            .Add(outbox)
            .Add(handOffEvents)
            .ExecuteAsync(ct);
        if (cancelledTokens.Count > 0)
        {
            // Scoped by referral so the delete uses the referral index, not a scan of every timer.
            var tokens = cancelledTokens.ToList();
            var referrals = touchedReferrals.ToList();
            RowsWritten += await db.Timers
                .Where(t => referrals.Contains(t.ReferralId) && tokens.Contains(t.TokenId))
                .ExecuteDeleteAsync(ct);
        }
    }

    private async Task<Referral> StartInstanceAsync(
        Engine.Definitions.WorkflowDefinition definition, IReadOnlyDictionary<string, JsonNode?> input,
        string actor, (Guid ReferralId, Guid TokenId, Guid ChildId, string StepId)? parent, CancellationToken ct,
        ReferralParticulars? particulars = null, Guid? continues = null)
    {
        var given = particulars ?? ReferralParticulars.None;
        var result = runner.Start(definition, input, actor);
        StepsRun += result.StepsRun;
        var id = parent?.ChildId ?? Guid.CreateVersion7(clock.GetUtcNow());
        var follows = parent?.ReferralId ?? continues;
        var followed = follows is { } followedId
            ? await db.Referrals.FindAsync([followedId], ct) ?? throw new ReferralFlowException($"No referral {followedId}.")
            : null;
        var (code, part) = followed is null ? (await NewCaseCodeAsync(ct), 1) : await CaseParts.ForFollowUpAsync(db, followed, id, ct);
        var referral = new Referral
        {
            Id = id,
            CaseCode = code,
            CasePart = part,
            WorkflowId = definition.Id,
            WorkflowVersion = definition.Version,
            StateJson = "{}",
            StartedAt = clock.GetUtcNow(),
            ParentReferralId = follows,
            ParentTokenId = parent?.TokenId,
            SendingOrganisationId = given.SendingOrganisationId,
            OriginCountry = given.OriginCountry,
            TransitCountries = given.TransitCountries,
            DestinationCountry = given.DestinationCountry,
        };
        if (given.ReceivingOrganisationId is { } receiving) referral.HandTo(receiving);
        db.Referrals.Add(referral);
        if (parent is { } started && followed is not null) LinkHistory(followed, referral, started.StepId);
        await ApplyAsync(referral, result, ct);
        return referral;
    }

    /// <summary>Both histories name the other procedure by its code, so a caseworker reading either finds the other.
    /// A reopening writes its own pair of lines (Reopening/).</summary>
    private void LinkHistory(Referral parent, Referral child, string stepId)
    {
        var now = clock.GetUtcNow();
        history.Add(new HistoryEntry
        {
            ReferralId = parent.Id, At = now, Kind = ReferralLinks.ChildStarted, StepId = stepId, Actor = "system",
            Detail = $"{child.WorkflowId} runs as {child.CaseCode} (part {child.CasePart} of the case, id {child.Id})",
        });
        history.Add(new HistoryEntry
        {
            ReferralId = child.Id, At = now, Kind = ReferralLinks.PartOf, Actor = "system",
            Detail = $"part {child.CasePart} of case {CaseCode.Base(child.CaseCode)}: started by {parent.WorkflowId} {parent.CaseCode} (id {parent.Id})",
        });
    }

    // Case codes are short enough to read out on the phone, so collisions are possible: draw again.
    private async Task<string> NewCaseCodeAsync(CancellationToken ct)
    {
        while (true)
        {
            var code = CaseCode.New(clock, random);
            if (!db.Referrals.Local.Any(r => r.CaseCode == code) && !await db.Referrals.AnyAsync(r => r.CaseCode == code, ct))
                return code;
        }
    }

    private async Task RunAsync(Referral referral, Stimulus stimulus, CancellationToken ct)
    {
        var definition = await library.GetAsync(db, referral.WorkflowId, referral.WorkflowVersion, ct);
        var result = runner.Resume(definition, InstanceState.Deserialize(referral.StateJson), stimulus);
        if (result.Stale) return;
        await ApplyAsync(referral, result, ct);
        StepsRun += result.StepsRun;
    }

    private async Task DrainAsync(CancellationToken ct)
    {
        while (followUps.TryDequeue(out var next))
            await ResumeIfActiveAsync(next.ReferralId, next.Stimulus, ct);
    }
}
