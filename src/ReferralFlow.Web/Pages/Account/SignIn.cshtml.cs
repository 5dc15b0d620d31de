using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReferralFlow.Core.Access;
using ReferralFlow.Web.SignIn;

namespace ReferralFlow.Web.Pages.Account;

/// <summary>E-mail and password; a user with an authenticator goes on to the code page. Wrong e-mail and wrong password
/// get the same answer, so the page does not tell who has an account.</summary>
[AllowAnonymous]
public sealed class SignInModel(StaffSignInManager signIn) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Give your e-mail address."), Display(Name = "E-mail")]
    public string? Email { get; set; }

    [BindProperty, Required(ErrorMessage = "Give your password."), DataType(DataType.Password)]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(Destination) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var result = await signIn.PasswordSignInAsync(Email!.Trim(), Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(Destination);
        if (result.RequiresTwoFactor) return RedirectToPage("/Account/TwoFactor", new { returnUrl = Destination });
        Error = result.IsLockedOut
            ? $"This account is locked after {StaffIdentity.MaxFailedSignIns} wrong passwords. Try again in {StaffIdentity.LockoutPeriod.TotalMinutes:0} minutes, or ask an administrator to reset it."
            : "The e-mail or the password is not right, or the account is disabled.";
        return Page();
    }

    private string Destination => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
}
