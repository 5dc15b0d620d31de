using Microsoft.AspNetCore.Mvc.RazorPages;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Queries;
using ReferralFlow.Web.SignIn;

namespace ReferralFlow.Web.Pages.HandOffs;

/// <summary>Every request the user may see still waiting for a partner's answer, the most urgent first.</summary>
public sealed class IndexModel(ReferralFlowDb db, StaffAccess access, TimeProvider clock) : PageModel
{
    public IReadOnlyList<HandOffSummary> HandOffs { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        HandOffs = await HandOffQueries.ListAsync(db, ct: ct, within: access.VisibleHandOffs);
    }
}
