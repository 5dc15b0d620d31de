using Microsoft.AspNetCore.Mvc.RazorPages;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Queries;

namespace ReferralFlow.Web.Pages.Tasks;

/// <summary>Every open task, the most urgent first.</summary>
public sealed class IndexModel(ReferralFlowDb db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<TaskSummary> Tasks { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        Tasks = await TaskQueries.ListOpenAsync(db, ct: ct);
    }
}
