using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Queries;
using ReferralFlow.Core.Referrals;

namespace ReferralFlow.Core.CaseRecords;

/// <summary>
/// The referral a case record (document, cost, escort leg, monitoring report) belongs to, named by id or case code.
/// Records are written only on an active referral: a closed one keeps its record as it was, and is reopened by a
/// court-appearance procedure (Reopening/) when more has to happen.
/// </summary>
public static class RecordedReferral
{
    public static async Task<Referral> FindAsync(ReferralFlowDb db, string reference, CancellationToken ct)
    {
        var id = await ReferralQueries.FindIdAsync(db, reference, ct)
            ?? throw new ReferralFlowException(
                $"No referral '{reference}': give its id or case code (like RF-2027-7KQ3M); list them with 'referralflow referrals list'.");
        return await db.Referrals.SingleAsync(r => r.Id == id, ct);
    }

    public static async Task<Referral> ActiveAsync(ReferralFlowDb db, string reference, string what, CancellationToken ct)
    {
        var referral = await FindAsync(db, reference, ct);
        if (referral.Status != ReferralStatus.Active)
            throw new ReferralFlowException(
                $"Referral {referral.CaseCode} is {referral.Status.ToString().ToLowerInvariant()}: {what} can only be recorded on an active referral" +
                (referral.Status == ReferralStatus.Closed ? " (reopen it with 'referralflow referrals reopen' for a court appearance)." : "."));
        return referral;
    }
}
