using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReferralFlow.Web.SignIn;

namespace ReferralFlow.Web.Pages.Account;

/// <summary>Sign-out is a form post (with the antiforgery token), so that no link elsewhere can sign a user out.</summary>
[AllowAnonymous]
public sealed class SignOutModel(StaffSignInManager signIn) : PageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/SignIn");
    }
}
