using Microsoft.AspNetCore.Mvc.RazorPages;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Queries;
using ReferralFlow.Web.SignIn;

namespace ReferralFlow.Web.Pages.Mail;

/// <summary>"Outgoing mail": the latest outbox messages of the referrals the user's organisation owns, and their
/// delivery, without bodies or addresses.</summary>
public sealed class IndexModel(ReferralFlowDb db, StaffAccess access) : PageModel
{
    public const int Limit = 200;

    public IReadOnlyList<OutboxRow> Messages { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Messages = await OutboxQueries.LatestAsync(db, Limit, ct, access.OwnedReferralIds);
}
