using ReferralFlow.Core.Acting;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Engine.Execution;

namespace ReferralFlow.Core.CaseEvents;

public sealed partial class CaseEventActions
{
    /// <summary>The outcome of a referral closed because the person left the programme.</summary>
    public const string LeftProgrammeOutcome = "left-programme";

    /// <summary>
    /// Withdraws an active referral for a reason from <see cref="CaseVocabulary.WithdrawalReasons"/>: its open tasks,
    /// partner requests, timers and sub-procedures are cancelled as by the procedure's own withdrawal, in one transaction
    /// with the reason. A reason outside the list is refused before anything changes.
    /// </summary>
    public Task<CaseEventResult> WithdrawAsync(Guid referralId, string? reason, Actor actor, CancellationToken ct = default)
    {
        var code = CaseVocabulary.Check(reason, CaseVocabulary.WithdrawalReasons, "the reason for withdrawing (--reason)");
        return CloseAsync(referralId, CaseEventKinds.Withdrawn, code, outcome: null, actor, ct);
    }

    /// <summary>
    /// The person left the programme, for a reason from <see cref="CaseVocabulary.LeavingReasons"/>. Closes the referral
    /// as a withdrawal does (status withdrawn: the procedure did not reach an end of its own) with its own outcome,
    /// <see cref="LeftProgrammeOutcome"/>, so lists and exports tell the two apart.
    /// </summary>
    public Task<CaseEventResult> LeaveProgrammeAsync(Guid referralId, string? reason, Actor actor, CancellationToken ct = default)
    {
        var code = CaseVocabulary.Check(reason, CaseVocabulary.LeavingReasons, "the reason the person left (--reason)");
        return CloseAsync(referralId, CaseEventKinds.LeftProgramme, code, LeftProgrammeOutcome, actor, ct);
    }

    private Task<CaseEventResult> CloseAsync(Guid referralId, string kind, string code, string? outcome, Actor actor, CancellationToken ct) =>
        RunAsync(actor, async (unit, now) =>
        {
            var referral = await ActiveAsync(unit.Db, referralId, kind == CaseEventKinds.Withdrawn ? "a withdrawal is recorded" : "leaving the programme is recorded", ct);
            await runtime.ResumeInAsync(unit, referralId, new Withdraw(actor.Name), ct);
            if (outcome is not null) referral.NameWithdrawal(outcome);
            Record(unit, referralId, kind, code, now, kind == CaseEventKinds.Withdrawn ? $"withdrawn ({code})" : $"left the programme ({code})");
            var note = await EndOpenSuspensionAsync(unit, referral, now, ct);
            await CaseTimers.DropAsync(unit.Db, referralId, null, ct);
            return new CaseEventResult(referral.Id, referral.CaseCode, kind, code, [], note);
        }, ct);

    /// <summary>A closed case is no longer suspended: the suspension ends with it, its timers having gone with the procedure.</summary>
    private static async Task<string?> EndOpenSuspensionAsync(UnitOfWork unit, Referral referral, DateTimeOffset now, CancellationToken ct)
    {
        if (await Suspensions.OpenAsync(unit.Db, referral.Id, ct) is not { } open) return null;
        open.End(now, unit.Actor.Name, 0);
        return $"its suspension ({open.Reason}) ended with it";
    }
}
