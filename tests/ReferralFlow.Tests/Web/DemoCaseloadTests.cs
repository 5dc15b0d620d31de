using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReferralFlow.Core.Consent;
using ReferralFlow.Core.Mail;
using ReferralFlow.Core.Runtime;
using ReferralFlow.Engine.Definitions;
using ReferralFlow.Tests.Infrastructure;
using ReferralFlow.Tests.Mail;
using ReferralFlow.Web.Demo;

namespace ReferralFlow.Tests.Web;

/// <summary>The first run with demo data shows a working product: the caseload's requests and notices reach the
/// demo directory's contacts, and what is left for the coordinator is only what the demo means to show.</summary>
public class DemoCaseloadTests
{
    [Fact]
    public async Task The_first_demo_run_delivers_everything_and_shows_only_the_deliberate_incident_and_held_request()
    {
        using var file = new SqliteFile();
        var logs = new CapturedLogs();
        await using var app = new WebApp(demo: true, database: file, logs: logs);
        _ = app.CreateClient();

        // What the timer and outbox loops do on the first run: fire the overdue timers, deliver the outbox.
        var worker = new TimerWorker(app.Services.GetRequiredService<ReferralRuntime>(), TimeProvider.System, "test");
        await worker.DrainAsync();
        var delivery = app.Services.GetRequiredService<OutboxDelivery>();
        var pass = await delivery.DeliverDueAsync();
        Assert.True(pass.Sent > 0, $"sent {pass.Sent}");
        await using (var check = app.OpenDb())
            Assert.True((pass.Failed, pass.Retrying, pass.Held) == (0, 0, 0), $"{pass}: " + string.Join(" | ",
                await check.OutboxMessages.Where(m => m.LastError != null).Select(m => m.StepId + " to " + m.Recipient + ": " + m.LastError).ToListAsync()));

        await using var db = app.OpenDb();
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.Status == Core.Outbox.OutboxStatus.Pending), "every queued message was handled in the first pass");
        // The partners answered requests that had reached them: none was closed unsent because its answer came first.
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.LastError != null && m.LastError.Contains("before the message went out")));
        var referrals = await db.Referrals.AsNoTracking().ToListAsync();
        Assert.Equal(DemoCaseload.Scenarios(DateTimeOffset.UtcNow).Count, referrals.Count);
        Assert.Equal(referrals.Select(r => r.Id).Order(), (await db.PersonRecords.Select(p => p.ReferralId).ToListAsync()).Order());
        Assert.All(referrals, r => Assert.NotNull(r.ReceivingOrganisationId));

        var incident = Assert.Single(await db.Incidents.Where(i => i.ResolvedAt == null).ToListAsync());
        Assert.Equal(DemoCaseload.DeliberateIncidentStep, incident.StepId);
        Assert.Contains("travel.departureAt", incident.Message);

        var held = Assert.Single(await db.HeldRequests.Where(h => h.Status == HeldRequestStatus.Held).ToListAsync());
        Assert.Equal(("accept-referral", ConsentPurposes.Refer), (held.StepId, held.Purpose));
        Assert.Equal("ro-iom-bucharest", await db.Organisations.Where(o => o.Id == held.OrganisationId).Select(o => o.Key).SingleAsync());
        Assert.True(await db.Tasks.AnyAsync(t => t.Id == held.TaskId && t.Status == Core.Tasks.WorkTaskStatus.Open));

        var child = referrals.Single(r => r.WorkflowId == ChildStatus.ChildWorkflow);
        Assert.NotEmpty(await db.Consents.Where(c => c.ReferralId == child.Id).ToListAsync());
        Assert.All(await db.Consents.Where(c => c.ReferralId == child.Id).ToListAsync(), c => Assert.Equal(ConsentGivers.Guardian, c.GivenBy));

        var names = DemoCaseload.Scenarios(DateTimeOffset.UtcNow).Select(s => s.Person.FullName!).ToList();
        var mails = Directory.GetFiles(Path.Combine(file.Directory, "mail"), "*.eml");
        Assert.True(mails.Length >= pass.Sent, $"{mails.Length} .eml files");
        foreach (var name in names)
        {
            Assert.DoesNotContain(logs.Lines, line => line.Contains(name, StringComparison.OrdinalIgnoreCase));
            foreach (var mail in mails.Select(m => MailFile.Parse(File.ReadAllText(m))))
                Assert.DoesNotContain(name, mail.Raw + mail.Subject + mail.Text + mail.Html, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains(logs.Lines, line => line.Contains("Created 8 demo referrals", StringComparison.Ordinal));
    }
}
