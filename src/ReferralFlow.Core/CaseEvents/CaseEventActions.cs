using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Acting;
using ReferralFlow.Core.Audit;
using ReferralFlow.Core.CaseRecords;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Core.Runtime;

namespace ReferralFlow.Core.CaseEvents;

/// <summary>What a case event did, for the caller to report: the referral, the event, and the alerts it queued.</summary>
public sealed record CaseEventResult(Guid ReferralId, string CaseCode, string Kind, string? Code, IReadOnlyList<string> Alerted,
    string? Note = null);

/// <summary>
/// The person's own events at case level (issue 9 §6), honoured whatever the procedure: each one is a transaction of
/// its own (<see cref="Transactions.RunAsync{T}"/>) with the acting user, writes a <see cref="CaseEvent"/>, a history
/// line and an audit entry, and changes the referral as the event requires (suspends it, closes it, alerts).
/// </summary>
public sealed partial class CaseEventActions(ReferralRuntime runtime, TimeProvider clock)
{
    public const string AuditPrefix = "case.";

    private Task<T> RunAsync<T>(Actor actor, Func<UnitOfWork, DateTimeOffset, Task<T>> work, CancellationToken ct) =>
        Transactions.RunAsync(runtime.OpenDb, actor, unit => work(unit, clock.GetUtcNow()), ct);

    private static async Task<Referral> ReferralAsync(ReferralFlowDb db, Guid referralId, CancellationToken ct) =>
        await db.Referrals.SingleOrDefaultAsync(r => r.Id == referralId, ct)
            ?? throw new ReferralFlowException($"No referral {referralId}; list them with 'referralflow referrals list'.");

    private static async Task<Referral> ActiveAsync(ReferralFlowDb db, Guid referralId, string what, CancellationToken ct)
    {
        var referral = await ReferralAsync(db, referralId, ct);
        if (referral.Status != ReferralStatus.Active)
            throw new ReferralFlowException($"Referral {referral.CaseCode} is {referral.Status.ToString().ToLowerInvariant()}: " +
                $"{what} only on an active referral; nothing was recorded.");
        return referral;
    }

    /// <summary>The event row, its history line and its audit entry, in the caller's unit of work.</summary>
    internal static CaseEvent Record(UnitOfWork unit, Guid referralId, string kind, string? code, DateTimeOffset at, string detail,
        string? channel = null, DateOnly? on = null)
    {
        var recorded = new CaseEvent
        {
            Id = Guid.CreateVersion7(at), ReferralId = referralId, Kind = kind, Code = code, Channel = channel, OccurredOn = on,
            RecordedAt = at, RecordedBy = unit.Actor.Name,
        };
        unit.Db.Set<CaseEvent>().Add(recorded);
        RecordHistory.Add(unit.Db, referralId, History(kind), at, unit.Actor.Name, detail);
        AuditTrail.Record(unit.Db, unit.Actor, AuditPrefix + kind, referralId, $"case event {recorded.Id}", at, detail);
        return recorded;
    }

    /// <summary>The history kind of a case event: "case-suspended", "case-missing" …</summary>
    public static string History(string kind) => "case-" + kind;
}
