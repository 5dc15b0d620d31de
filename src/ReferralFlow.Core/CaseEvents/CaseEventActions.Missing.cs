using ReferralFlow.Core.Acting;
using ReferralFlow.Core.Consent;

namespace ReferralFlow.Core.CaseEvents;

public sealed partial class CaseEventActions
{
    /// <summary>
    /// The person absconded or is missing: recorded, the referral suspended (reason person-missing, unless it already
    /// is), and for a child the alerts go at once (<see cref="MissingChildAlert"/>) in the same transaction.
    /// </summary>
    public Task<CaseEventResult> RecordMissingAsync(Guid referralId, string kind, Actor actor, CancellationToken ct = default)
    {
        var code = CaseVocabulary.Check(kind, CaseVocabulary.MissingKinds, "whether the person absconded or is missing (--kind)");
        return RunAsync(actor, async (unit, now) =>
        {
            var referral = await ActiveAsync(unit.Db, referralId, "a missing person is recorded", ct);
            var child = await ChildStatus.IsChildAsync(unit.Db, referralId, ct);
            Record(unit, referralId, CaseEventKinds.Missing, code, now, $"{(child ? "child" : "person")} reported {code}");
            var alreadySuspended = await Suspensions.OpenAsync(unit.Db, referralId, ct) is not null;
            if (!alreadySuspended) SuspendIn(unit, referral, CaseVocabulary.PersonMissing, now);
            var alerted = child ? await MissingChildAlert.QueueAsync(unit.Db, referralId, now, actor.Name, code, ct) : [];
            return new CaseEventResult(referral.Id, referral.CaseCode, CaseEventKinds.Missing, code, alerted,
                alreadySuspended ? "the referral was already suspended" : "the referral is suspended");
        }, ct);
    }
}
