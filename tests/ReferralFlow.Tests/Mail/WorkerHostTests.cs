using ReferralFlow.Core.Acting;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Outbox;
using ReferralFlow.Engine.Simulation;
using ReferralFlow.Tests.Cli;
using ReferralFlow.Tests.Infrastructure;
using ReferralFlow.Tests.Web;

namespace ReferralFlow.Tests.Mail;

/// <summary>Both hosts deliver the outbox; without an SMTP server the messages become .eml files in mail/ beside
/// the SQLite database (./data/mail for the default one).</summary>
public class WorkerHostTests
{
    [Fact]
    public async Task The_worker_command_sends_the_escalations_the_timers_queued_as_eml_files()
    {
        await using var cli = CliRun.OnSqlite();
        // A referral started without a sending organisation: its staff roles are the network's.
        var directory = Path.Combine(cli.KeysFolder, "network.yaml");
        Directory.CreateDirectory(cli.KeysFolder);
        await File.WriteAllTextAsync(directory, """
            network: { coordinator: net-desk, focal-point: net-focal }
            organisations:
              - id: network-office
                name: Network Office
                kind: other
                country: BE
                contacts:
                  - { id: net-desk, name: Desk, email: desk@network.example.org, language: en, authorised: true }
                  - { id: net-focal, name: Focal, email: focal@network.example.org, language: en, authorised: true }
            """);
        Assert.Equal(0, (await cli.RunAsync("partners", "import", directory)).ExitCode);
        await cli.StartAsync(now: "2027-01-04T09:00:00Z");

        var pass = await cli.JsonAsync("worker", "--once", "--now", "2027-02-01T09:00:00Z");

        // Intake's escalations go to the network's coordinator and focal point; its reminder to the caseworker is
        // not e-mailed (the task inbox shows it): closed as not needed, not counted as a failure.
        Assert.Equal((2, 0, 0, 1, 0), (pass["sent"]!.GetValue<int>(), pass["retrying"]!.GetValue<int>(),
            pass["failed"]!.GetValue<int>(), pass["notNeeded"]!.GetValue<int>(), pass["outboxWaiting"]!.GetValue<int>()));
        var folder = Path.Combine(Path.GetDirectoryName(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(cli.ConnectionString).DataSource)!, "mail");
        var files = Directory.GetFiles(folder, "*.eml");
        Assert.Equal(2, files.Length);
        Assert.All(files, f => Assert.StartsWith("Escalation – RF-2027-", MailFile.Parse(File.ReadAllText(f)).Subject));
        Assert.Equal(["desk@network.example.org", "focal@network.example.org"],
            files.Select(f => MailFile.Parse(File.ReadAllText(f)).Headers["to"].Split('<')[^1].TrimEnd('>')).Order());
    }

    [Fact]
    public async Task The_web_host_delivers_the_outbox_in_the_background()
    {
        using var database = new SqliteFile();
        var clock = new VirtualClock(new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.Zero));
        await using var app = new WebApp(clock: clock, workers: true, database: database);
        var id = await ApiTests.StartAsync(app.CreateClient(), "transnational-return");

        // Identification is due in 48 hours: the coordinator is told an hour after.
        clock.Advance(TimeSpan.FromHours(50));

        var mailFolder = Path.Combine(database.Directory, "mail");
        for (var attempt = 0; attempt < 150 && !(Directory.Exists(mailFolder) && Directory.GetFiles(mailFolder, "*.eml").Length > 0); attempt++)
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        var file = Assert.Single(Directory.GetFiles(mailFolder, "*.eml"));
        Assert.StartsWith("Escalation – RF-2027-", MailFile.Parse(await File.ReadAllTextAsync(file)).Subject);
        await using var db = app.OpenDb();
        var escalation = await db.OutboxMessages.SingleAsync(m => m.ReferralId == id && m.Kind == OutboxKinds.Escalation);
        Assert.Equal(OutboxStatus.Sent, escalation.Status);
    }
}
