using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Core.Forwarding;

/// <summary>An organisation a partner may forward to: what the directory publishes about it, no contact.</summary>
public sealed record ForwardTarget(string Key, string Name, string Country, string Kind);

/// <summary>The organisations offered on the forward page: without a search, the same short list the escalation ladder's
/// "alternatives" rung gives (active, same country and kind, a shared service); with one, active organisations whose
/// name or directory id contains the words. Never the organisation that holds the request.</summary>
public static class ForwardTargets
{
    public const int MaxListed = 20;

    public static async Task<IReadOnlyList<ForwardTarget>> ForAsync(ReferralFlowDb db, Organisation? holder, string? search, CancellationToken ct)
    {
        var words = search?.Trim() ?? "";
        IReadOnlyList<Organisation> found;
        if (words.Length == 0)
            found = holder is null ? [] : await PartnerDirectory.AlternativesAsync(db, holder.Id, ct);
        else
        {
            var lower = words.ToLowerInvariant();
            found = await db.Organisations.AsNoTracking()
                .Where(o => o.Active && (o.Name.ToLower().Contains(lower) || o.Key.ToLower().Contains(lower)))
                .OrderBy(o => o.Name).Take(MaxListed + 1).ToListAsync(ct);
        }
        return [.. found.Where(o => o.Id != holder?.Id).Take(MaxListed).Select(o => new ForwardTarget(o.Key, o.Name, o.Country, o.Kind))];
    }
}
