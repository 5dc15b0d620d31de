using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Access;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Web.SignIn;

namespace ReferralFlow.Web.Pages.Partners;

/// <summary>
/// Partnership gaps for the people who look for new partners (issue 9 §7): where a referral's directory query found
/// nobody, newest first. The place and service are the network's business; the case code only for a referral the user
/// may see anyway, so the page reveals no case of another organisation.
/// </summary>
[Authorize(Roles = $"{StaffRoles.Coordinator},{StaffRoles.Administrator}")]
public sealed class GapsModel(ReferralFlowDb db, StaffAccess access) : PageModel
{
    public sealed record Row(PartnershipGap Gap, Guid? VisibleReferralId);

    public IReadOnlyList<Row> Gaps { get; private set; } = [];

    public IReadOnlyList<(string Country, string Service, int Count)> Places { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var gaps = await PartnershipGaps.ListAsync(db, ct: ct);
        var referrals = gaps.Select(g => g.ReferralId).Distinct().ToList();
        var visible = (await access.VisibleReferrals.Where(r => referrals.Contains(r.Id)).Select(r => r.Id).ToListAsync(ct)).ToHashSet();
        Gaps = [.. gaps.Select(g => new Row(g, visible.Contains(g.ReferralId) ? g.ReferralId : null))];
        Places = [.. gaps.GroupBy(g => (g.Country, g.Service)).Select(p => (p.Key.Country, p.Key.Service, p.Count()))
            .OrderByDescending(p => p.Item3).ThenBy(p => p.Country, StringComparer.Ordinal).ThenBy(p => p.Service, StringComparer.Ordinal)];
    }
}
