using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Queries;
using ReferralFlow.Web.SignIn;
using Microsoft.EntityFrameworkCore;

namespace ReferralFlow.Web.Pages.HandOffs;

/// <summary>One request to a partner: where it stands (status and sub-status) and every change, when and by whom.
/// Staff notes stay encrypted here; the page only says that one exists, so viewing it reads no personal data.</summary>
public sealed class DetailModel(ReferralFlowDb db, StaffAccess access, TimeProvider clock) : PageModel
{
    public HandOffDetails? Details { get; private set; }
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        if (!await access.VisibleHandOffs.AnyAsync(h => h.Id == id, ct)) return NotFound();
        Details = await HandOffQueries.ShowAsync(db, id, ct);
        return Details is null ? NotFound() : Page();
    }

    /// <summary>"the partner's reply link", "staff (caseworker) by phone", "the deadline timer", "the procedure".</summary>
    public static string By(HandOffEventLine e) => e.By switch
    {
        "link" => "the partner, through the reply link",
        "staff" => $"staff ({e.Actor}){(e.Channel is { } channel ? $", {Display.Channel(channel)}" : "")}",
        "timer" => "the deadline timer",
        _ => e.Actor is null ? "the procedure" : $"the procedure ({e.Actor})",
    };
}
