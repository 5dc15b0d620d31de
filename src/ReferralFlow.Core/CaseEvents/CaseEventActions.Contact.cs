using ReferralFlow.Core.Acting;
using ReferralFlow.Core.Referrals;

namespace ReferralFlow.Core.CaseEvents;

public sealed partial class CaseEventActions
{
    /// <summary>
    /// A contact with the person after the case closed, kept for monitoring: the day, the channel and the kind of
    /// contact, each from a closed list; no free text. Only on a closed or withdrawn referral, on a day from its closing
    /// to today.
    /// </summary>
    public Task<CaseEventResult> RecordContactAsync(Guid referralId, DateOnly on, string channel, string kind, Actor actor,
        CancellationToken ct = default)
    {
        var channelCode = CaseVocabulary.Check(channel, CaseVocabulary.ContactChannels, "the contact's channel (--channel)");
        var kindCode = CaseVocabulary.Check(kind, CaseVocabulary.ContactKinds, "the kind of contact (--kind)");
        return RunAsync(actor, async (unit, now) =>
        {
            var referral = await ReferralAsync(unit.Db, referralId, ct);
            if (referral.Status == ReferralStatus.Active || referral.ClosedAt is not { } closedAt)
                throw new ReferralFlowException($"Referral {referral.CaseCode} is active: a contact after closing is recorded only on a " +
                    "closed or withdrawn referral (while it is active, the procedure's own steps record contacts); nothing was recorded.");
            var closedOn = DateOnly.FromDateTime(closedAt.UtcDateTime);
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            if (on < closedOn || on > today)
                throw new ReferralFlowException($"Give --on as a day from the closing of {referral.CaseCode} ({closedOn:yyyy-MM-dd}) to today " +
                    $"({today:yyyy-MM-dd}); nothing was recorded.");
            Record(unit, referralId, CaseEventKinds.ContactAfterClosing, kindCode, now,
                $"contact after closing on {on:yyyy-MM-dd}: {kindCode} by {channelCode}", channelCode, on);
            return new CaseEventResult(referral.Id, referral.CaseCode, CaseEventKinds.ContactAfterClosing, kindCode, []);
        }, ct);
    }
}
