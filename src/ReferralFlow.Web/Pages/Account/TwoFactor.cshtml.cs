using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReferralFlow.Core.Access;
using ReferralFlow.Web.SignIn;

namespace ReferralFlow.Web.Pages.Account;

/// <summary>The second step of sign-in: the six-digit code of the authenticator app, or one of the recovery codes.
/// Wrong codes count towards the lockout as wrong passwords do.</summary>
[AllowAnonymous]
public sealed class TwoFactorModel(StaffSignInManager signIn) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Give the code your authenticator app shows, or a recovery code."), Display(Name = "Code")]
    public string? Code { get; set; }

    [BindProperty] public bool Recovery { get; set; }

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("/Account/SignIn");
        if (!ModelState.IsValid) return Page();
        var code = new string(Code!.Where(c => !char.IsWhiteSpace(c)).ToArray());
        var result = Recovery
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(code)
            : await signIn.TwoFactorAuthenticatorSignInAsync(code.Replace("-", ""), isPersistent: false, rememberClient: false);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        Error = result.IsLockedOut
            ? $"This account is locked after {StaffIdentity.MaxFailedSignIns} wrong attempts. Try again in {StaffIdentity.LockoutPeriod.TotalMinutes:0} minutes."
            : Recovery ? "That recovery code is not right or was used already." : "That code is not right. Codes change every 30 seconds: try the one shown now.";
        return Page();
    }
}
