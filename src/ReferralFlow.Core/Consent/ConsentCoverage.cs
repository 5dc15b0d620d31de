using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Core.Consent;

/// <summary>Why no consent covers a request, for the caseworker's task: none recorded, or the one there is expired,
/// was withdrawn, or lacks the guardian's co-signature a child's consent needs.</summary>
public sealed record ConsentGap(string Reason);

/// <summary>
/// Which consents cover a referral: its own and those of the referrals it was started from (a monitoring or court
/// referral serves the same person as its return referral), for one recipient and purpose, on the clock's day.
/// </summary>
public static class ConsentCoverage
{
    public static async Task<ConsentRecord?> ValidAsync(ReferralFlowDb db, Guid referralId, Guid organisationId, string purpose,
        DateTimeOffset now, CancellationToken ct = default)
    {
        var (valid, _) = await CheckAsync(db, referralId, organisationId, purpose, now, ct);
        return valid;
    }

    /// <summary>The consent that covers the request, or why none does.</summary>
    public static async Task<(ConsentRecord? Valid, ConsentGap? Gap)> CheckAsync(ReferralFlowDb db, Guid referralId,
        Guid organisationId, string purpose, DateTimeOffset now, CancellationToken ct = default)
    {
        var chain = await ChainAsync(db, referralId, ct);
        var consents = await db.Consents.AsNoTracking()
            .Where(c => chain.Contains(c.ReferralId) && c.OrganisationId == organisationId && c.Purpose == purpose)
            .ToListAsync(ct);
        // Consents recorded in this unit of work and not yet saved count too.
        consents.AddRange(db.Consents.Local.Where(c => chain.Contains(c.ReferralId) && c.OrganisationId == organisationId
            && c.Purpose == purpose && consents.All(saved => saved.Id != c.Id)));
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var child = await ChildStatus.IsChildAsync(db, referralId, ct);
        if (consents.OrderByDescending(c => c.RecordedAt).FirstOrDefault(c => c.HoldsOn(today, child)) is { } valid) return (valid, null);

        var latest = consents.OrderByDescending(c => c.RecordedAt).FirstOrDefault();
        return (null, new ConsentGap(latest switch
        {
            null => $"no consent for '{purpose}' is recorded",
            { IsWithdrawn: true } w => $"the consent for '{purpose}' was withdrawn on {w.WithdrawnAt:yyyy-MM-dd}",
            { ExpiresOn: { } last } when last < today => $"the consent for '{purpose}' expired after {last:yyyy-MM-dd}",
            { GivenOn: var given } when given > today => $"the consent for '{purpose}' only holds from {given:yyyy-MM-dd}",
            _ when child => $"the person is a child and the consent for '{purpose}' was neither given nor co-signed by the guardian",
            _ => $"no valid consent for '{purpose}'",
        }));
    }

    /// <summary>The referral and the ones it was started from, nearest first. A child referral started in the current
    /// unit of work is not saved yet, so the tracked rows are asked first.</summary>
    public static async Task<List<Guid>> ChainAsync(ReferralFlowDb db, Guid referralId, CancellationToken ct)
    {
        var chain = new List<Guid>();
        for (Guid? current = referralId; current is { } id && !chain.Contains(id);)
        {
            chain.Add(id);
            current = db.Referrals.Local.FirstOrDefault(r => r.Id == id) is { } tracked ? tracked.ParentReferralId
                : await db.Referrals.Where(r => r.Id == id).Select(r => r.ParentReferralId).SingleOrDefaultAsync(ct);
        }
        return chain;
    }

    /// <summary>The organisation playing <paramref name="role"/> for the referral or, failing that, for the nearest
    /// referral it was started from (as <see cref="PartnerAssignments.OrganisationForAsync"/>, but also for a child
    /// referral started in this unit of work).</summary>
    public static async Task<Organisation?> RecipientAsync(ReferralFlowDb db, Guid referralId, string role, CancellationToken ct)
    {
        foreach (var id in await ChainAsync(db, referralId, ct))
        {
            // An assignment made in this unit of work (a directory query as the step opened) is not saved yet.
            if (db.PartnerAssignments.Local.FirstOrDefault(a => a.ReferralId == id && a.Role == role) is { } added)
                return await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == added.OrganisationId, ct);
            var organisation = await (
                    from a in db.PartnerAssignments join o in db.Organisations on a.OrganisationId equals o.Id
                    where a.ReferralId == id && a.Role == role select o)
                .AsNoTracking().SingleOrDefaultAsync(ct);
            if (organisation is not null) return organisation;
        }
        return null;
    }

    /// <summary>The referral and every referral started from it, at any depth.</summary>
    public static async Task<List<Guid>> DescendantsAsync(ReferralFlowDb db, Guid referralId, CancellationToken ct)
    {
        var all = new List<Guid> { referralId };
        for (var level = new List<Guid> { referralId }; level.Count > 0;)
        {
            var parents = level;
            level = await db.Referrals.Where(r => r.ParentReferralId != null && parents.Contains(r.ParentReferralId.Value))
                .Select(r => r.Id).ToListAsync(ct);
            level.RemoveAll(all.Contains);
            all.AddRange(level);
        }
        return all;
    }

    /// <summary>"ADPARE (ro-adpare)": how messages name a recipient.</summary>
    public static string Describe(Organisation organisation) => $"{organisation.Name} ({organisation.Key})";
}
