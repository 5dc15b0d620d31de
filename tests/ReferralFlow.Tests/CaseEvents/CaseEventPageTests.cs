using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReferralFlow.Core.Access;
using ReferralFlow.Core.CaseEvents;
using ReferralFlow.Core.Definitions;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Tests.Web;
using static ReferralFlow.Tests.Web.FormPosts;

namespace ReferralFlow.Tests.CaseEvents;

/// <summary>The person's own events recorded on the referral page by its owning caseworker; leaving the programme asks
/// to confirm first; a partner's caseworker and the owner's coordinator, who see the page, get 403 on every handler.</summary>
public class CaseEventPageTests
{
    [Fact]
    public async Task The_owning_caseworker_suspends_resumes_records_missing_and_closes_after_confirming_then_logs_a_contact()
    {
        await using var app = new WebApp();
        var referral = await app.StartOwnedAsync("transnational-return", "caseworker");
        var client = app.CreateClient();
        var url = $"/referrals/{referral.Id}";
        var page = await GetPageAsync(client, url);
        Assert.Contains("Record an event", page);

        var suspended = await ReadAsync(await PostAsync(client, $"{url}?handler=Suspend", page, ("reason", "in-detention")));
        Assert.Contains("The referral is suspended (In detention)", suspended);
        Assert.Contains("Resume the case", suspended);
        var resumed = await ReadAsync(await PostAsync(client, $"{url}?handler=Resume", suspended));
        Assert.Contains("The referral is resumed", resumed);
        var missing = await ReadAsync(await PostAsync(client, $"{url}?handler=Missing", resumed, ("kind", "absconded")));
        Assert.Contains("The person is recorded as absconded; the referral is suspended.", missing);
        var refused = await ReadAsync(await PostAsync(client, $"{url}?handler=Suspend", missing, ("reason", "she ran off with Marko")));
        Assert.Contains("is not one of the list: use one of person-missing, in-hospital", refused);
        Assert.DoesNotContain("Marko", refused);

        var asked = await PostAsync(client, $"{url}?handler=Leave", missing, ("reason", "lost-contact"));
        var confirmation = await ReadAsync(asked);
        Assert.Contains($"Close {referral.CaseCode}: the person left the programme (Lost contact)?", confirmation);
        Assert.Contains($"Yes, close {referral.CaseCode}", confirmation);
        await using (var db = app.OpenDb())
            Assert.Equal(ReferralStatus.Active, (await db.Referrals.SingleAsync(r => r.Id == referral.Id)).Status);
        var closed = await ReadAsync(await PostAsync(client, $"{url}?handler=Leave", confirmation, ("reason", "lost-contact"), ("confirm", "true")));
        Assert.Contains("The referral is closed: the person left the programme.", closed);
        Assert.Contains("Log the contact", closed);

        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        var badDay = await ReadAsync(await PostAsync(client, $"{url}?handler=Contact", closed, ("on", "01/02/2027"), ("channel", "phone"), ("kind", "check-in")));
        Assert.Contains("Give the day of the contact as a date such as 2027-02-01", badDay);
        var logged = await ReadAsync(await PostAsync(client, $"{url}?handler=Contact", closed, ("on", today), ("channel", "phone"), ("kind", "check-in")));
        Assert.Contains($"Contact of {today} logged (Check in by phone).", logged);

        await using var check = app.OpenDb();
        var closedReferral = await check.Referrals.SingleAsync(r => r.Id == referral.Id);
        Assert.Equal((ReferralStatus.Withdrawn, CaseEventActions.LeftProgrammeOutcome), (closedReferral.Status, closedReferral.Outcome));
        // Missing and its suspension are one transaction, at one instant: compared as a set.
        Assert.Equal(new[] { "suspended:in-detention", "resumed:in-detention", "missing:absconded", "suspended:person-missing",
                "left-programme:lost-contact", "contact-after-closing:check-in" }.Order(),
            (await check.Set<CaseEvent>().Where(e => e.ReferralId == referral.Id).Select(e => e.Kind + ":" + e.Code).ToListAsync()).Order());
        var audited = await check.AuditEntries.Where(a => a.ReferralId == referral.Id && a.Action.StartsWith("case.")).ToListAsync();
        Assert.Equal(6, audited.Count);
        Assert.All(audited, a =>
        {
            Assert.Equal(app.Caseworker.Email, a.Actor);
            Assert.StartsWith("web", a.Source);
        });
    }

    [Fact]
    public async Task A_partner_caseworker_and_the_owners_coordinator_get_403_on_every_case_event_and_nothing_is_recorded()
    {
        await using var app = new WebApp();
        var (referral, partner) = await app.StartOwnedWithPartnerAsync();
        var url = $"/referrals/{referral.Id}";
        (string Handler, (string, string)[] Fields)[] posts =
        [
            ("Suspend", [("reason", "in-hospital")]), ("Resume", []), ("Missing", [("kind", "missing")]),
            ("Leave", [("reason", "deceased")]), ("Leave", [("reason", "deceased"), ("confirm", "true")]),
            ("Contact", [("on", "2027-01-04"), ("channel", "phone"), ("kind", "check-in")]),
        ];

        foreach (var viewer in new[]
                 {
                     await TestStaff.MemberAsync(app, StaffRoles.Caseworker, partner.Key),
                     await TestStaff.MemberAsync(app, StaffRoles.Coordinator),
                 })
        {
            var client = viewer.Client(app, followRedirects: false);
            var page = await GetPageAsync(client, url);
            Assert.DoesNotContain("Record an event", page);
            foreach (var (handler, fields) in posts)
                Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(client, $"{url}?handler={handler}", page, fields)).StatusCode);
        }

        await using var check = app.OpenDb();
        Assert.False(await check.Set<CaseEvent>().AnyAsync(e => e.ReferralId == referral.Id));
        Assert.Equal(ReferralStatus.Active, (await check.Referrals.SingleAsync(r => r.Id == referral.Id)).Status);
    }

    [Fact]
    public async Task A_partner_caseworker_sees_on_the_page_that_the_case_is_suspended_but_not_why()
    {
        await using var app = new WebApp();
        var (referral, partner) = await app.StartOwnedWithPartnerAsync();
        await app.Services.GetRequiredService<CaseEventActions>().SuspendAsync(referral.Id, "in-detention", Core.Acting.Actor.Operator("tests"));

        var page = await GetPageAsync((await TestStaff.MemberAsync(app, StaffRoles.Caseworker, partner.Key)).Client(app), $"/referrals/{referral.Id}");
        var own = await GetPageAsync(app.CreateClient(), $"/referrals/{referral.Id}");

        Assert.Contains("suspended</span> since", page);
        Assert.DoesNotContain("detention", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Resume the case", page);
        Assert.Contains("(In detention)", own);
        Assert.Contains("Resume the case", own);
    }

    private static async Task<string> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
