using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Referrals;

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
        DateTimeOffset now, IReadOnlyCollection<string> needs, CancellationToken ct = default)
    {
        var (valid, _) = await CheckAsync(db, referralId, organisationId, purpose, now, needs, ct);
        return valid;
    }

    /// <summary>The consent that covers the request, or why none does. <paramref name="needs"/> are the step's
    /// <see cref="Engine.Definitions.ConsentNeeds"/>: a consent that holds but is verbal, or reported by a relative, does
    /// not cover a step that needs it written, or the person's own.</summary>
    public static async Task<(ConsentRecord? Valid, ConsentGap? Gap)> CheckAsync(ReferralFlowDb db, Guid referralId,
        Guid organisationId, string purpose, DateTimeOffset now, IReadOnlyCollection<string> needs, CancellationToken ct = default)
    {
        var chain = await ReferralChain.OfAsync(db, referralId, ct);
        var consents = await db.Consents.AsNoTracking()
            .Where(c => chain.Contains(c.ReferralId) && c.OrganisationId == organisationId && c.Purpose == purpose)
            .ToListAsync(ct);
        // Consents recorded in this unit of work and not yet saved count too.
        consents.AddRange(db.Consents.Local.Where(c => chain.Contains(c.ReferralId) && c.OrganisationId == organisationId
            && c.Purpose == purpose && consents.All(saved => saved.Id != c.Id)));
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var child = await ChildStatus.IsChildAsync(db, referralId, ct);
        // The person's own consent first: a vital interests decision only stands in while there is none.
        var newestFirst = consents.OrderBy(c => c.IsVitalInterests).ThenByDescending(c => c.RecordedAt).ToList();
        if (newestFirst.FirstOrDefault(c => c.HoldsOn(today, child) && c.Meets(needs)) is { } valid) return (valid, null);

        var holding = newestFirst.FirstOrDefault(c => c.HoldsOn(today, child));
        var latest = consents.OrderByDescending(c => c.RecordedAt).FirstOrDefault();
        return (null, new ConsentGap(holding is not null ? Unmet(holding, purpose, needs) : latest switch
        {
            null => $"no consent for '{purpose}' is recorded",
            { IsWithdrawn: true } w => $"the consent for '{purpose}' was withdrawn on {w.WithdrawnAt:yyyy-MM-dd}",
            { ExpiresOn: { } last } when last < today => $"the consent for '{purpose}' expired after {last:yyyy-MM-dd}",
            { GivenOn: var given } when given > today => $"the consent for '{purpose}' only holds from {given:yyyy-MM-dd}",
            _ when child => $"the person is a child and the consent for '{purpose}' was neither given nor co-signed by the guardian",
            _ => $"no valid consent for '{purpose}'",
        }));
    }

    private static string Unmet(ConsentRecord holding, string purpose, IReadOnlyCollection<string> needs) =>
        needs.Contains(Engine.Definitions.ConsentNeeds.Written) && holding.Form != ConsentForms.Written
            ? $"the consent for '{purpose}' was given {holding.Form}ly and this request needs it in writing"
            : $"the consent for '{purpose}' was reported by a {holding.GivenBy.Replace('-', ' ')} and this request needs the person's own";

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
