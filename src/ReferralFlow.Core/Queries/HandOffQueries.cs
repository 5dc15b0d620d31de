using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.Mail;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Core.Queries;

/// <summary>A request to a partner; <see cref="Status"/> is the FHIR Task status code ("requested", "completed" ...).</summary>
public sealed record HandOffSummary(
    Guid Id,
    Guid ReferralId,
    string CaseCode,
    string Step,
    string Title,
    string Partner,
    string Request,
    string Status,
    IReadOnlyList<string> Outcomes,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DueAt,
    string? Outcome,
    DateTimeOffset? AnsweredAt,
    string? Channel,
    HandOffDelivery? Delivery = null,
    string? SubStatus = null);

/// <summary>One hand-off with its attributed change log, oldest change first.</summary>
public sealed record HandOffDetails(HandOffSummary HandOff, IReadOnlyList<HandOffEventLine> Events);

/// <summary>One change of a hand-off (<see cref="HandOffEvent"/>): <see cref="By"/> is link, staff, timer or system.
/// <see cref="Note"/> is filled only when notes were read on purpose (<see cref="HandOffNotes"/>); <see cref="HasNote"/>
/// says one exists.</summary>
public sealed record HandOffEventLine(
    long Id,
    DateTimeOffset At,
    string Change,
    string Status,
    string? SubStatus,
    string? Outcome,
    string By,
    string? Actor,
    Guid? ContactId,
    string? Channel,
    bool HasNote,
    string? Note = null)
{
    /// <summary>For a request that moved (forwarded, reassigned): the directory ids of the organisations it left and reached.</summary>
    public string? MovedFrom { get; init; }
    public string? MovedTo { get; init; }
}

/// <summary>The delivery of a hand-off's latest e-mail (its request or last reminder); <see cref="Status"/> is
/// <c>queued</c>, <c>sent</c> or <c>failed</c> (see <see cref="DeliveryStatus"/>) — or <c>held</c> when the consent gate
/// keeps the request back: then <see cref="At"/> is since when and <see cref="Reason"/> says why ("consent needed").
/// A held request outranks any other message of the hand-off (an escalation to staff), because the partner has nothing.</summary>
public sealed record HandOffDelivery(string Status, DateTimeOffset At, int Attempts, string? LastError, string? Reason = null)
{
    public static HandOffDelivery From(MessageDelivery message) =>
        new(message.State, message.At, message.Attempts, message.LastError);

    public static HandOffDelivery HeldForConsent(DateTimeOffset since) => new(DeliveryStatus.Held, since, 0, null, DeliveryStatus.ConsentNeeded);

    /// <summary>The delivery of each hand-off: held for consent, else its latest message; absent when neither.</summary>
    public static async Task<IReadOnlyDictionary<Guid, HandOffDelivery>> ForAsync(ReferralFlowDb db, IReadOnlyCollection<Guid> handOffIds, CancellationToken ct)
    {
        if (handOffIds.Count == 0) return new Dictionary<Guid, HandOffDelivery>();
        var latest = await DeliveryStatus.LatestByHandOffAsync(db, handOffIds, ct);
        var held = await DeliveryStatus.HeldSinceByHandOffAsync(db, handOffIds, ct);
        var deliveries = latest.ToDictionary(d => d.Key, d => From(d.Value));
        foreach (var (handOffId, since) in held) deliveries[handOffId] = HeldForConsent(since);
        return deliveries;
    }
}

public static class HandOffQueries
{
    /// <summary>Open hand-offs by due time, or with <paramref name="includeClosed"/> every hand-off in the order it was sent.</summary>
    public static async Task<IReadOnlyList<HandOffSummary>> ListAsync(
        ReferralFlowDb db, Guid? referralId = null, bool includeClosed = false, CancellationToken ct = default,
        IQueryable<HandOff>? within = null)
    {
        var handOffs = (within ?? db.HandOffs).AsNoTracking();
        if (referralId is { } id) handOffs = handOffs.Where(h => h.ReferralId == id);
        if (!includeClosed)
            handOffs = handOffs.Where(OpenHandOffs.Filter);
        var joined = handOffs.Join(db.Referrals.AsNoTracking(), h => h.ReferralId, r => r.Id, (h, r) => new { HandOff = h, r.CaseCode });
        var ordered = includeClosed
            ? joined.OrderBy(x => x.HandOff.CreatedAt).ThenBy(x => x.HandOff.Id)
            : joined.OrderBy(x => x.HandOff.DueAt == null).ThenBy(x => x.HandOff.DueAt).ThenBy(x => x.HandOff.CreatedAt).ThenBy(x => x.HandOff.Id);
        var rows = await ordered.ToListAsync(ct);
        var deliveries = await HandOffDelivery.ForAsync(db, [.. rows.Select(x => x.HandOff.Id)], ct);
        return [.. rows.Select(x => new HandOffSummary(
            x.HandOff.Id, x.HandOff.ReferralId, x.CaseCode, x.HandOff.StepId, x.HandOff.Title, x.HandOff.Partner,
            x.HandOff.Request, HandOffStatusCodes.ToCode(x.HandOff.Status), x.HandOff.Outcomes, x.HandOff.CreatedAt,
            x.HandOff.DueAt, x.HandOff.Outcome, x.HandOff.AnsweredAt, x.HandOff.Channel,
            deliveries.GetValueOrDefault(x.HandOff.Id), x.HandOff.SubStatus))];
    }

    /// <summary>The hand-off and its timeline, or null when there is no such hand-off.</summary>
    public static async Task<HandOffDetails?> ShowAsync(ReferralFlowDb db, Guid handOffId, CancellationToken ct = default)
    {
        var row = await db.HandOffs.AsNoTracking().Where(h => h.Id == handOffId)
            .Join(db.Referrals.AsNoTracking(), h => h.ReferralId, r => r.Id, (h, r) => new { HandOff = h, r.CaseCode })
            .SingleOrDefaultAsync(ct);
        if (row is null) return null;
        var h = row.HandOff;
        var deliveries = await HandOffDelivery.ForAsync(db, [h.Id], ct);
        var summary = new HandOffSummary(h.Id, h.ReferralId, row.CaseCode, h.StepId, h.Title, h.Partner, h.Request,
            HandOffStatusCodes.ToCode(h.Status), h.Outcomes, h.CreatedAt, h.DueAt, h.Outcome, h.AnsweredAt, h.Channel,
            deliveries.GetValueOrDefault(h.Id), h.SubStatus);
        var rows = await db.HandOffEvents.AsNoTracking().Where(e => e.HandOffId == handOffId).OrderBy(e => e.Id).ToListAsync(ct);
        var moved = rows.SelectMany(e => new[] { e.FromOrganisationId, e.ToOrganisationId }).OfType<Guid>().Distinct().ToList();
        var keys = await db.Organisations.AsNoTracking().Where(o => moved.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Key, ct);
        var events = rows.Select(e => new HandOffEventLine(e.Id, e.At, e.Change, e.Status, e.SubStatus, e.Outcome, e.ActorKind, e.Actor,
                e.ContactId, e.Channel, e.ProtectedNote != null)
            {
                MovedFrom = e.FromOrganisationId is { } from ? keys.GetValueOrDefault(from) : null,
                MovedTo = e.ToOrganisationId is { } to ? keys.GetValueOrDefault(to) : null,
            }).ToList();
        return new HandOffDetails(summary, events);
    }
}
