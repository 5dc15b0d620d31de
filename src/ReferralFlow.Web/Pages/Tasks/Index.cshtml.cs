using Microsoft.AspNetCore.Mvc.RazorPages;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Queries;
using ReferralFlow.Web.SignIn;

namespace ReferralFlow.Web.Pages.Tasks;

/// <summary>The open tasks of the referrals the user's organisation owns, the most urgent first.</summary>
public sealed class IndexModel(ReferralFlowDb db, StaffAccess access, TimeProvider clock) : PageModel
{
    public IReadOnlyList<TaskSummary> Tasks { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        Tasks = await TaskQueries.ListOpenAsync(db, ct: ct, withinReferrals: access.OwnedReferralIds);
    }
}
