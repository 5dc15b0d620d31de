using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Core.CaseEvents;

public sealed record CaseEventLine(DateTimeOffset RecordedAt, string Kind, string? Code, string? Channel, DateOnly? On, string RecordedBy);

/// <summary>An open suspension. <see cref="Reason"/> and <see cref="SuspendedBy"/> are null in a partner's view
/// (Access/PartnerView): a reason such as in-hospital or in-detention speaks of the person.</summary>
public sealed record SuspensionView(DateTimeOffset SuspendedAt, string? Reason, string? SuspendedBy);

/// <summary>Where the case stands outside its procedure: the open suspension, the last day of air travel and when
/// its warning is due, and every case event, oldest first. Whole for the owning organisation; a partner sees only
/// that the case is suspended, and since when (Access/PartnerView).</summary>
public sealed record CaseState(SuspensionView? Suspended, DateOnly? AirTravelUntil, DateTimeOffset? AirTravelWarningAt,
    IReadOnlyList<CaseEventLine> Events);

public static class CaseEventQueries
{
    public static async Task<CaseState> StateAsync(ReferralFlowDb db, Guid referralId, CancellationToken ct = default)
    {
        var open = await db.Set<CaseSuspension>().AsNoTracking()
            .Where(s => s.ReferralId == referralId && s.ResumedAt == null).SingleOrDefaultAsync(ct);
        var events = await db.Set<CaseEvent>().AsNoTracking().Where(e => e.ReferralId == referralId).ToListAsync(ct);
        var warning = await db.Timers.AsNoTracking()
            .Where(t => t.ReferralId == referralId && t.TokenId == CaseTimers.Token && t.StepId == AirTravelWarning.TimerName)
            .Select(t => (DateTimeOffset?)t.DueAt).FirstOrDefaultAsync(ct);
        return new CaseState(
            open is null ? null : new SuspensionView(open.SuspendedAt, open.Reason, open.SuspendedBy),
            AirTravelUntil(events), warning,
            [.. events.OrderBy(e => e.RecordedAt).ThenBy(e => e.Id)
                .Select(e => new CaseEventLine(e.RecordedAt, e.Kind, e.Code, e.Channel, e.OccurredOn, e.RecordedBy))]);
    }

    public static async Task<DateOnly?> AirTravelUntilAsync(ReferralFlowDb db, Guid referralId, CancellationToken ct) =>
        AirTravelUntil(db.Set<CaseEvent>().Local.Where(e => e.ReferralId == referralId)
            .Concat(await db.Set<CaseEvent>().AsNoTracking()
                .Where(e => e.ReferralId == referralId && e.Kind == CaseEventKinds.AirTravelLimit).ToListAsync(ct)));

    private static DateOnly? AirTravelUntil(IEnumerable<CaseEvent> events) =>
        events.Where(e => e.Kind == CaseEventKinds.AirTravelLimit).OrderBy(e => e.RecordedAt).ThenBy(e => e.Id).LastOrDefault()
            is { Code: null, OccurredOn: { } day } ? day : null;
}
