using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Acting;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Referrals;

namespace ReferralFlow.Core.CaseEvents;

public sealed partial class CaseEventActions
{
    /// <summary>Suspends an active referral with a reason from <see cref="CaseVocabulary.SuspensionReasons"/>.</summary>
    public Task<CaseEventResult> SuspendAsync(Guid referralId, string reason, Actor actor, CancellationToken ct = default)
    {
        var code = CaseVocabulary.Check(reason, CaseVocabulary.SuspensionReasons, "the reason for suspending (--reason)");
        return RunAsync(actor, async (unit, now) =>
        {
            var referral = await ActiveAsync(unit.Db, referralId, "a suspension is recorded", ct);
            if (await Suspensions.OpenAsync(unit.Db, referralId, ct) is { } open)
                throw new ReferralFlowException($"Referral {referral.CaseCode} is already suspended since {open.SuspendedAt:u} ({open.Reason}); " +
                    $"resume it first ('referralflow referrals resume {referral.CaseCode}').");
            SuspendIn(unit, referral, code, now);
            return new CaseEventResult(referral.Id, referral.CaseCode, CaseEventKinds.Suspended, code, []);
        }, ct);
    }

    /// <summary>
    /// Resumes a suspended referral and re-plans its deadlines in the same transaction: every pending timer of the
    /// procedure (due dates, reminders, escalations, waits) moves later by the time the referral spent suspended, so a
    /// partner or caseworker has after resuming the time they had left when it was suspended. Deadlines from the
    /// person's situation (the last week of air travel) do not move: the pregnancy went on.
    /// </summary>
    public Task<CaseEventResult> ResumeAsync(Guid referralId, Actor actor, CancellationToken ct = default) =>
        RunAsync(actor, async (unit, now) =>
        {
            var referral = await ReferralAsync(unit.Db, referralId, ct);
            var open = await Suspensions.OpenAsync(unit.Db, referralId, ct)
                ?? throw new ReferralFlowException($"Referral {referral.CaseCode} is not suspended; nothing was changed.");
            var span = now - open.SuspendedAt;
            var moved = await Suspensions.MoveTimersAsync(unit.Db, referralId, span, ct);
            open.End(now, actor.Name, moved);
            referral.Touch();
            Record(unit, referralId, CaseEventKinds.Resumed, open.Reason, now,
                $"resumed after {Suspensions.Describe(span)} suspended ({open.Reason}); " +
                (moved == 0 ? "no deadline to move" : $"{moved} pending deadline{(moved == 1 ? "" : "s")} moved {Suspensions.Describe(span)} later"));
            return new CaseEventResult(referral.Id, referral.CaseCode, CaseEventKinds.Resumed, open.Reason, [],
                $"{moved} deadline{(moved == 1 ? "" : "s")} moved {Suspensions.Describe(span)} later");
        }, ct);

    private static void SuspendIn(UnitOfWork unit, Referral referral, string reason, DateTimeOffset now)
    {
        unit.Db.Set<CaseSuspension>().Add(new CaseSuspension
        {
            Id = Guid.CreateVersion7(now), ReferralId = referral.Id, Reason = reason, SuspendedAt = now, SuspendedBy = unit.Actor.Name,
        });
        // A timer firing for this referral at the same moment conflicts on the revision and runs again, finding it suspended.
        referral.Touch();
        Record(unit, referral.Id, CaseEventKinds.Suspended, reason, now,
            $"suspended ({reason}): timers paused, reminders held, tasks cannot be completed; replies are still recorded");
    }
}
