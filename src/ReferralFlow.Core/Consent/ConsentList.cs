using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Referrals;

namespace ReferralFlow.Core.Consent;

/// <summary>One consent as <c>consent list</c> shows it. <see cref="CaseCode"/> is the referral it was recorded on
/// (the listed one, or one it was started from); <see cref="Status"/> is valid, expired, not-yet-valid, withdrawn, or
/// needs-guardian (a child's consent without the guardian), or vital-interests (a coordinator's decision standing in
/// for consent, <see cref="Basis"/>).</summary>
public sealed record ConsentSummary(
    Guid Id, string CaseCode, string Recipient, string RecipientName, string Purpose, string Form, string GivenBy,
    bool GuardianCosigned, DateOnly GivenOn, DateOnly? ExpiresOn, string Status, DateTimeOffset RecordedAt,
    DateTimeOffset? WithdrawnAt, string? WithdrawalReason, string Basis, string? VitalInterestReason);

public static class ConsentList
{
    /// <summary>The consents that count for the referral, newest first.</summary>
    public static async Task<IReadOnlyList<ConsentSummary>> OfAsync(ReferralFlowDb db, Guid referralId, DateTimeOffset now, CancellationToken ct = default)
    {
        var chain = await ReferralChain.OfAsync(db, referralId, ct);
        var rows = await (
                from c in db.Consents.AsNoTracking()
                join o in db.Organisations on c.OrganisationId equals o.Id
                join r in db.Referrals on c.ReferralId equals r.Id
                where chain.Contains(c.ReferralId)
                select new { Consent = c, o.Key, o.Name, r.CaseCode })
            .ToListAsync(ct);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var child = await ChildStatus.IsChildAsync(db, referralId, ct);
        return [.. rows.OrderByDescending(x => x.Consent.RecordedAt).ThenByDescending(x => x.Consent.Id).Select(x => new ConsentSummary(
            x.Consent.Id, x.CaseCode, x.Key, x.Name, x.Consent.Purpose, x.Consent.Form, x.Consent.GivenBy, x.Consent.GuardianCosigned,
            x.Consent.GivenOn, x.Consent.ExpiresOn, StatusOf(x.Consent, today, child), x.Consent.RecordedAt,
            x.Consent.WithdrawnAt, x.Consent.WithdrawalReason, x.Consent.Basis, x.Consent.VitalInterestReason))];
    }

    private static string StatusOf(ConsentRecord consent, DateOnly today, bool child) => consent switch
    {
        { IsWithdrawn: true } => "withdrawn",
        { IsVitalInterests: true } => "vital-interests",
        { ExpiresOn: { } last } when last < today => "expired",
        { GivenOn: var given } when given > today => "not-yet-valid",
        _ when child && !consent.SatisfiesChildRule => "needs-guardian",
        _ => "valid",
    };
}
