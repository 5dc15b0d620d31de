using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReferralFlow.Core.Mail;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Replies;

namespace ReferralFlow.Web.Pages.Reply;

/// <summary>The page behind a reply link: the request and the form for the link's answer. Anyone holding the link may
/// use it (no login), so every outcome that is not a usable link shows a plain page that names no referral.</summary>
[AllowAnonymous]
public sealed class IndexModel(
    ReplyOpening opening, ReplySubmission submission, ReferralFlowDb db, IAddressBook addressBook, MailSettings mail, TimeProvider clock)
    : PageModel
{
    public ReplyResult Result { get; private set; } = new ReplyResult.Unknown();

    /// <summary>The sending organisation and its address, as in the e-mail; never a person.</summary>
    public (string Organisation, string Email)? Sender { get; private set; }

    /// <summary>What was posted, to fill the form again when it comes back with problems.</summary>
    public IReadOnlyDictionary<string, string?> Values { get; private set; } = new Dictionary<string, string?>();

    public DateTimeOffset Now { get; private set; }

    /// <summary>The link's own token, for the forward page's address; never logged (the log filter redacts it).</summary>
    public string Token => RouteData.Values["token"] as string ?? "";

    public ReplyView? Details => Result switch
    {
        ReplyResult.Open open => open.View,
        ReplyResult.Invalid invalid => invalid.View,
        ReplyResult.Recorded recorded => recorded.View,
        _ => null,
    };

    public IReadOnlyDictionary<string, string> Errors =>
        Result is ReplyResult.Invalid invalid ? invalid.Errors : new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        Result = await opening.OpenAsync(token, ct);
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        Values = Request.Form.Where(f => !f.Key.StartsWith("__", StringComparison.Ordinal))
            .ToDictionary(f => f.Key, f => (string?)f.Value.ToString(), StringComparer.Ordinal);
        Result = await submission.SubmitAsync(token, Values, ct);
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        // The address is a credential: keep it out of caches and referrers.
        Response.Headers.CacheControl = "no-store";
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Response.Headers["X-Robots-Tag"] = "noindex";
        if (Details is { } details)
        {
            // The same sender the e-mail named: the sending organisation and its authorised contact, else the mailbox.
            var sending = await addressBook.SenderAsync(db, details.ReferralId, ct);
            Sender = (sending?.OrganisationName ?? (mail.From.DisplayName is { Length: > 0 } name ? name : "ReferralFlow"),
                sending?.Email ?? mail.From.Address);
        }
        var page = Page();
        page.StatusCode = Result switch
        {
            ReplyResult.Unknown => StatusCodes.Status404NotFound,
            ReplyResult.Expired or ReplyResult.AlreadyAnswered or ReplyResult.Closed or ReplyResult.Moved => StatusCodes.Status410Gone,
            ReplyResult.Invalid => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status200OK,
        };
        return page;
    }
}
