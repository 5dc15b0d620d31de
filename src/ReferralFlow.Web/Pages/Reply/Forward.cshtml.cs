using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReferralFlow.Core.Forwarding;
using ReferralFlow.Core.Replies;

namespace ReferralFlow.Web.Pages.Reply;

/// <summary>"We cannot help; forward to …" behind a reply link: a short list of organisations from the directory (the
/// alternatives, or what a search finds), or an e-mail address for the sender to confirm. Public by token, like the
/// reply page, and as closed-mouthed when the link is not usable.</summary>
[AllowAnonymous]
public sealed class ForwardModel(ReplyForwarding forwarding) : PageModel
{
    public ForwardResult Result { get; private set; } = new ForwardResult.Refused(new ReplyResult.Unknown());

    [BindProperty(SupportsGet = true, Name = "q")] public string? Search { get; set; }
    [BindProperty] public string? Organisation { get; set; }
    [BindProperty] public string? Email { get; set; }

    public string Token => RouteData.Values["token"] as string ?? "";

    public ReplyView? View => Result switch
    {
        ForwardResult.Choosing choosing => choosing.View,
        ForwardResult.Invalid invalid => invalid.View,
        _ => null,
    };

    public IReadOnlyList<ForwardTarget> Targets => Result switch
    {
        ForwardResult.Choosing choosing => choosing.Targets,
        ForwardResult.Invalid invalid => invalid.Targets,
        _ => [],
    };

    public IReadOnlyDictionary<string, string> Errors =>
        Result is ForwardResult.Invalid invalid ? invalid.Errors : new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        Result = await forwarding.ShowAsync(token, Search, ct);
        return Show();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        Result = await forwarding.ForwardAsync(token, Organisation, Email, Search, ct);
        return Show();
    }

    private PageResult Show()
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Response.Headers["X-Robots-Tag"] = "noindex";
        var page = Page();
        page.StatusCode = Result switch
        {
            ForwardResult.Refused { Reason: ReplyResult.Unknown } => StatusCodes.Status404NotFound,
            ForwardResult.Refused { Reason: ReplyResult.ConsentNeeded } => StatusCodes.Status409Conflict,
            ForwardResult.Refused => StatusCodes.Status410Gone,
            ForwardResult.Invalid => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status200OK,
        };
        return page;
    }
}
