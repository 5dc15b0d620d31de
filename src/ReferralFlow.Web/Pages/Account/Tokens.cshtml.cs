using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReferralFlow.Core;
using ReferralFlow.Core.Access;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Web.Hosting;
using ReferralFlow.Web.SignIn;

namespace ReferralFlow.Web.Pages.Account;

/// <summary>Personal access tokens for API clients: made here, shown once, revoked here.</summary>
public sealed class TokensModel(ReferralFlowDb db, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public int Days { get; set; } = 90;

    public IReadOnlyList<AccessToken> Tokens { get; private set; } = [];
    public string? NewSecret { get; private set; }
    public string? Error { get; private set; }
    public DateTimeOffset Now { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var member = StaffClaims.Member(User)!;
        try
        {
            (_, NewSecret) = await PersonalAccessTokens.CreateAsync(db, member.UserId, Name, Days, clock.GetUtcNow(),
                PageActor.For(HttpContext), ct);
            Name = null;
        }
        catch (ReferralFlowException e)
        {
            Error = e.Message;
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        var member = StaffClaims.Member(User)!;
        if (!await PersonalAccessTokens.RevokeAsync(db, member.UserId, id, clock.GetUtcNow(), PageActor.For(HttpContext), ct))
            return NotFound();
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        Tokens = await PersonalAccessTokens.ListAsync(db, StaffClaims.Member(User)!.UserId, ct);
    }
}
