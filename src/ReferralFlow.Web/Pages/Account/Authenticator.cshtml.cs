using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;
using ReferralFlow.Core.Access;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Web.SignIn;

namespace ReferralFlow.Web.Pages.Account;

/// <summary>Sets up the authenticator app: the key as a QR code and as text, a first code to prove the app has it, then
/// ten recovery codes shown once. The session then counts as two-factor for the gate.</summary>
public sealed class AuthenticatorModel(StaffSignInManager signIn, ReferralFlowDb db) : PageModel
{
    private const string Issuer = "ReferralFlow";

    [BindProperty, Required(ErrorMessage = "Give the six-digit code your authenticator app shows."), Display(Name = "Code")]
    public string? Code { get; set; }

    public string SharedKey { get; private set; } = "";
    public bool Enabled { get; private set; }
    public bool Required { get; private set; }
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];
    public int RecoveryCodesLeft { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : Challenge();

    /// <summary>The key as a QR code, served as an image so the page needs no inline data or script.</summary>
    public async Task<IActionResult> OnGetQrAsync()
    {
        if (await signIn.UserManager.GetUserAsync(User) is not { } user) return Challenge();
        var key = await signIn.UserManager.GetAuthenticatorKeyAsync(user);
        if (key is null) return NotFound();
        var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.Email ?? "")}?secret={key}&issuer={Issuer}&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        return File(new PngByteQRCode(data).GetGraphic(6), "image/png");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await signIn.UserManager.GetUserAsync(User) is not { } user) return Challenge();
        if (!ModelState.IsValid) return await LoadAsync(ct) ? Page() : Challenge();
        var code = new string(Code!.Where(char.IsDigit).ToArray());
        var provider = signIn.UserManager.Options.Tokens.AuthenticatorTokenProvider;
        if (!await signIn.UserManager.VerifyTwoFactorTokenAsync(user, provider, code))
        {
            Error = "That code is not right. Check that the app shows ReferralFlow with your e-mail, and type the code shown now.";
            await LoadAsync(ct);
            return Page();
        }
        await signIn.UserManager.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await signIn.UserManager.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        // This session has now proven the second factor.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa")]);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync(CancellationToken ct)
    {
        if (await signIn.UserManager.GetUserAsync(User) is not { } user) return Challenge();
        if (!user.TwoFactorEnabled || !TwoFactorGate.Proven(User)) return RedirectToPage();
        RecoveryCodes = (await signIn.UserManager.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        await LoadAsync(ct);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await signIn.UserManager.GetUserAsync(User) is not { } user) return false;
        Enabled = user.TwoFactorEnabled;
        var member = StaffClaims.Member(User);
        Required = member is not null && TwoFactorRequirement.AppliesTo(member) && !await TwoFactorRequirement.IsLiftedAsync(db, ct);
        if (!Enabled)
        {
            var key = await signIn.UserManager.GetAuthenticatorKeyAsync(user);
            if (string.IsNullOrEmpty(key))
            {
                await signIn.UserManager.ResetAuthenticatorKeyAsync(user);
                key = await signIn.UserManager.GetAuthenticatorKeyAsync(user);
            }
            SharedKey = string.Join(' ', key!.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
        }
        RecoveryCodesLeft = await signIn.UserManager.CountRecoveryCodesAsync(user);
        return true;
    }
}
