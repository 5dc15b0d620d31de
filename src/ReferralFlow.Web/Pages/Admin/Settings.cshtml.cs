using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReferralFlow.Core;
using ReferralFlow.Core.Access;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Web.Hosting;

namespace ReferralFlow.Web.Pages.Admin;

/// <summary>Deployment settings for administrators. Today one: whether two-factor sign-in is required, which can be
/// lifted only on a demo.</summary>
[Authorize(Policy = StaffRoles.Administrator)]
public sealed class SettingsModel(ReferralFlowDb db, ReferralFlowSettings settings, TimeProvider clock) : PageModel
{
    public bool TwoFactorRequired { get; private set; }
    public bool Demo => settings.DemoData;
    [TempData] public string? Message { get; set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        TwoFactorRequired = !await TwoFactorRequirement.IsLiftedAsync(db, ct);

    public async Task<IActionResult> OnPostAsync(bool required, CancellationToken ct)
    {
        try
        {
            await TwoFactorRequirement.SetAsync(db, required, settings.DemoData, PageActor.For(HttpContext), clock.GetUtcNow(), ct);
            Message = required ? "Two-factor sign-in is required again." : "Two-factor sign-in is lifted for this demo.";
            return RedirectToPage();
        }
        catch (ReferralFlowException e)
        {
            Error = e.Message;
            await OnGetAsync(ct);
            return Page();
        }
    }
}
