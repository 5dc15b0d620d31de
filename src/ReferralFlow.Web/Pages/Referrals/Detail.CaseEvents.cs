using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using ReferralFlow.Core;
using ReferralFlow.Core.CaseEvents;
using ReferralFlow.Web.SignIn;

namespace ReferralFlow.Web.Pages.Referrals;

/// <summary>
/// The person's own events recorded on the referral page (_CaseEvents), by the owning organisation's caseworkers only
/// (anyone else gets 403, as for withdrawing): suspend with a reason, resume, missing or absconded, left the programme
/// (after a confirmation step: it closes the case) and, on a closed referral, a contact after closing. Each is the
/// same action as the command line's and the API's (Core/CaseEvents/CaseEventActions), audited with the signed-in user.
/// </summary>
public sealed partial class DetailModel
{
    /// <summary>The reason chosen for "left the programme", shown back for the caseworker to confirm before the case closes.</summary>
    public string? LeaveToConfirm { get; private set; }

    public Task<IActionResult> OnPostSuspendAsync(Guid id, string? reason, [FromServices] CaseEventActions caseEvents, CancellationToken ct) =>
        ActAsync(id, async () =>
        {
            var done = await caseEvents.SuspendAsync(id, reason ?? "", PageActor.For(HttpContext), ct);
            return $"The referral is suspended ({Display.Words(done.Code ?? "")}): its timers are paused and its tasks wait until it is resumed.";
        }, ct);

    public Task<IActionResult> OnPostResumeAsync(Guid id, [FromServices] CaseEventActions caseEvents, CancellationToken ct) =>
        ActAsync(id, async () =>
        {
            var done = await caseEvents.ResumeAsync(id, PageActor.For(HttpContext), ct);
            return $"The referral is resumed: {done.Note}.";
        }, ct);

    public Task<IActionResult> OnPostMissingAsync(Guid id, string? kind, [FromServices] CaseEventActions caseEvents, CancellationToken ct) =>
        ActAsync(id, async () =>
        {
            var done = await caseEvents.RecordMissingAsync(id, kind ?? "", PageActor.For(HttpContext), ct);
            return $"The person is recorded as {done.Code}; {done.Note}." +
                (done.Alerted.Count > 0 ? $" Alerted at once: {string.Join(", ", done.Alerted.Select(Display.Words))}." : "");
        }, ct);

    /// <summary>Without <paramref name="confirm"/> the page only asks again, naming what closing does; nothing changes.</summary>
    public async Task<IActionResult> OnPostLeaveAsync(Guid id, string? reason, bool confirm, [FromServices] CaseEventActions caseEvents,
        CancellationToken ct)
    {
        if (confirm)
            return await ActAsync(id, async () =>
            {
                await caseEvents.LeaveProgrammeAsync(id, reason, PageActor.For(HttpContext), ct);
                return "The referral is closed: the person left the programme. Its open tasks and requests were cancelled.";
            }, ct);
        Grant = await access.GrantAsync(id, ct);
        if (!Grant.MaySee) return NotFound();
        if (!MayWorkReferral) return Forbid();
        try
        {
            LeaveToConfirm = CaseVocabulary.Check(reason, CaseVocabulary.LeavingReasons, "the reason the person left");
        }
        catch (ReferralFlowException e)
        {
            Error = e.Message;
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostContactAsync(Guid id, string? on, string? channel, string? kind, [FromServices] CaseEventActions caseEvents,
        CancellationToken ct) =>
        ActAsync(id, async () =>
        {
            if (!DateOnly.TryParseExact(on, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                throw new ReferralFlowException("Give the day of the contact as a date such as 2027-02-01; nothing was recorded.");
            await caseEvents.RecordContactAsync(id, day, channel ?? "", kind ?? "", PageActor.For(HttpContext), ct);
            return $"Contact of {day:yyyy-MM-dd} logged ({Display.Words(kind ?? "")} by {Display.Words(channel ?? "").ToLowerInvariant()}).";
        }, ct);
}
