using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Core.Audit;

/// <summary>An audit entry as listed; <see cref="CaseCode"/> is null when the referral no longer exists.</summary>
public sealed record AuditLine(
    long Sequence, DateTimeOffset At, string Actor, string Source, string Action, Guid? ReferralId, string? CaseCode,
    string Subject, string? Detail);

public static class AuditQueries
{
    /// <summary>Entries in chain order, all or one referral's. The trail holds no personal data, so listing it is
    /// not itself audited.</summary>
    public static async Task<IReadOnlyList<AuditLine>> ListAsync(ReferralFlowDb db, Guid? referralId, CancellationToken ct = default)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (referralId is { } id) entries = entries.Where(e => e.ReferralId == id);
        var rows = await entries.OrderBy(e => e.Sequence)
            .GroupJoin(db.Referrals.AsNoTracking(), e => e.ReferralId, r => (Guid?)r.Id, (e, r) => new { Entry = e, Referrals = r })
            .SelectMany(x => x.Referrals.DefaultIfEmpty(), (x, r) => new { x.Entry, CaseCode = r == null ? null : r.CaseCode })
            .ToListAsync(ct);
        return [.. rows.OrderBy(x => x.Entry.Sequence).Select(x => new AuditLine(
            x.Entry.Sequence, x.Entry.At, x.Entry.Actor, x.Entry.Source, x.Entry.Action, x.Entry.ReferralId, x.CaseCode,
            x.Entry.Subject, x.Entry.Detail))];
    }
}
