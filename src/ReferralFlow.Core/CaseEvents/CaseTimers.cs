using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Core.Timers;

namespace ReferralFlow.Core.CaseEvents;

/// <summary>
/// Durable timers that belong to the case, not to a procedure step (the warning before the last week of air travel):
/// rows of the one timer table, claimed and leased like every other, with no engine token (<see cref="Token"/>), so
/// the timer worker hands them here instead of to the engine (Runtime/ReferralRuntime.FireTimerAsync).
/// </summary>
public static class CaseTimers
{
    /// <summary>The token of a case timer: no engine token is ever empty.</summary>
    public static readonly Guid Token = Guid.Empty;

    public static bool IsCaseTimer(DurableTimer timer) => timer.TokenId == Token;

    /// <summary>Applies a claimed case timer in the worker's unit of work. A referral closed since has nothing to warn of.</summary>
    public static async Task FireAsync(ReferralFlowDb db, DurableTimer timer, DateTimeOffset now, CancellationToken ct)
    {
        var referral = await db.Referrals.SingleOrDefaultAsync(r => r.Id == timer.ReferralId, ct);
        if (referral is not { Status: ReferralStatus.Active }) return;
        switch (timer.StepId)
        {
            case AirTravelWarning.TimerName:
                await AirTravelWarning.WarnAsync(db, referral, now, ct);
                break;
        }
        referral.Touch();
    }

    /// <summary>Removes the case's own timers of <paramref name="name"/> (all of them when null): re-planned, or the case closed.</summary>
    public static Task<int> DropAsync(ReferralFlowDb db, Guid referralId, string? name, CancellationToken ct) =>
        db.Timers.Where(t => t.ReferralId == referralId && t.TokenId == Token && (name == null || t.StepId == name)).ExecuteDeleteAsync(ct);
}
