using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ReferralFlow.Core.Acting;
using ReferralFlow.Core.CaseEvents;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Tests.Web;

namespace ReferralFlow.Tests.Browser;

/// <summary>The referral page shows its owning caseworker that the case is suspended and its events, and withdraws it
/// only with a reason chosen from the list.</summary>
public sealed class CaseEventsBrowserTests
{
    [Fact]
    public async Task The_owning_caseworker_sees_the_suspension_and_withdraws_with_a_reason_from_the_list()
    {
        await using var app = ListeningApp.Start();
        var started = await app.App.StartOwnedAsync("transnational-return", "coordinator");
        await app.App.Services.GetRequiredService<CaseEventActions>().SuspendAsync(started.Id, "in-hospital", Actor.Operator("tests"));
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.SignedInPageAsync(app.App.Caseworker);

        await page.GotoAsync(new Uri(app.Address, $"referrals/{started.Id}").ToString());

        var section = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "The person's events" }) });
        Assert.Contains("since", await section.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("In hospital", await section.InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        await page.GetByText("Withdraw this referral…").ClickAsync();
        await PageChecks.CheckAsync(page, "referral-case-events");
        await page.GetByLabel("Reason").SelectOptionAsync("duplicate");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Yes, withdraw {started.CaseCode}" }).ClickAsync();
        await page.GetByText("The referral was withdrawn").WaitForAsync();

        await using var db = app.App.OpenDb();
        Assert.Equal(ReferralStatus.Withdrawn, (await db.Referrals.SingleAsync(r => r.Id == started.Id)).Status);
        Assert.Equal("duplicate", (await db.Set<CaseEvent>().SingleAsync(e => e.Kind == CaseEventKinds.Withdrawn)).Code);
    }

    [Fact]
    public async Task The_owning_caseworker_records_events_on_the_referral_page_and_confirms_before_the_person_leaves()
    {
        await using var app = ListeningApp.Start();
        var started = await app.App.StartOwnedAsync("transnational-return", "coordinator");
        // 34 weeks: flights end in two weeks, so the warning (and the caseworker's task) is due at once.
        await Core.Persistence.Transactions.RunAsync(app.App.Services.GetRequiredService<Func<Core.Persistence.ReferralFlowDb>>(),
            Actor.Operator("tests"), unit => AirTravelWarning.PlanAsync(unit, started.Id, 34, app.Clock.GetUtcNow(),
                new Core.Escort.AirTravelLimits(), TimeSpan.FromDays(14), default), default);
        await new Core.Runtime.TimerWorker(app.Runtime, app.Clock, "test").DrainAsync();
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.SignedInPageAsync(app.App.Caseworker);
        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync(new Uri(app.Address, $"referrals/{started.Id}").ToString());

        await page.GetByRole(AriaRole.Heading, new() { Name = "Last day of air travel is 2027-01-17: book the travel or plan another way" }).WaitForAsync();
        await page.GetByText("Record an event (suspend, missing, left the programme)…").ClickAsync();
        await PageChecks.CheckAsync(page, "referral-case-events-record");
        await page.GetByLabel("Suspend because").SelectOptionAsync("person-asked-for-pause");
        await page.GetByRole(AriaRole.Button, new() { Name = "Suspend", Exact = true }).ClickAsync();
        await page.GetByText("The referral is suspended (Person asked for pause)").WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Resume the case" }).ClickAsync();
        await page.GetByText("The referral is resumed").WaitForAsync();

        await page.GetByText("Record an event (suspend, missing, left the programme)…").ClickAsync();
        await page.GetByLabel("Left the programme because").SelectOptionAsync("returned-independently");
        await page.GetByRole(AriaRole.Button, new() { Name = "Left the programme…" }).ClickAsync();
        var confirm = page.GetByTestId("confirm-leave");
        await confirm.WaitForAsync();
        Assert.Contains("Returned independently", await confirm.InnerTextAsync());
        await PageChecks.CheckAsync(page, "referral-case-events-confirm-leave");
        await using (var db = app.App.OpenDb())
            Assert.Equal(ReferralStatus.Active, (await db.Referrals.SingleAsync(r => r.Id == started.Id)).Status);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Yes, close {started.CaseCode}" }).ClickAsync();
        await page.GetByText("The referral is closed: the person left the programme.").WaitForAsync();

        await page.GetByLabel("Contact after closing, on").FillAsync("2027-01-04");
        await page.GetByLabel("By", new() { Exact = true }).SelectOptionAsync("video-call");
        await page.GetByLabel("What", new() { Exact = true }).SelectOptionAsync("follow-up-visit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log the contact" }).ClickAsync();
        await page.GetByText("Contact of 2027-01-04 logged (Follow up visit by video call).").WaitForAsync();
        await PageChecks.CheckAsync(page, "referral-case-events-closed");

        await using var check = app.App.OpenDb();
        var referral = await check.Referrals.SingleAsync(r => r.Id == started.Id);
        Assert.Equal((ReferralStatus.Withdrawn, CaseEventActions.LeftProgrammeOutcome), (referral.Status, referral.Outcome));
        Assert.Equal("video-call", (await check.Set<CaseEvent>().SingleAsync(e => e.Kind == CaseEventKinds.ContactAfterClosing)).Channel);
        // Closing cancelled the case's own task with the procedure's.
        Assert.Equal(Core.Tasks.WorkTaskStatus.Cancelled,
            (await check.Tasks.SingleAsync(t => t.ReferralId == started.Id && t.StepId == AirTravelWarning.TimerName)).Status);
    }
}
