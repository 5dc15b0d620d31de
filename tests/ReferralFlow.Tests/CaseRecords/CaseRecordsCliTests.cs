using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Outbox;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Tests.Cli;

namespace ReferralFlow.Tests.CaseRecords;

/// <summary>The case-record commands end to end on SQLite: what they print, and that bad input is one line on stderr,
/// exit 1, and no change.</summary>
public class CaseRecordsCliTests
{
    private const string Now = "2027-01-05T10:00:00Z";

    [Fact]
    public async Task Documents_are_added_given_requirements_moved_through_their_statuses_and_listed()
    {
        await using var cli = CliRun.OnSqlite();
        var (_, code) = await cli.StartAsync();
        var added = await cli.JsonAsync("documents", "add", code, "--kind", "passport", "--authority", "consulate:NG",
            "--due", "2027-02-01T00:00:00Z", "--now", Now);
        var id = added["id"]!.GetValue<string>();
        await cli.JsonAsync("documents", "requirement", id, "--add", "two photos", "--now", Now);
        await cli.JsonAsync("documents", "requirement", id, "--tick", "two photos", "--now", Now);
        var issued = await cli.RunAsync("documents", "status", id, "issued", "--now", Now);
        Assert.Equal("The passport is now issued.", issued.Out.Trim());

        var listed = (await cli.JsonAsync("documents", "list", code)).AsArray().Single()!;
        Assert.Equal(("passport", "issued", "consulate:NG", "2027-02-01T00:00:00+00:00"),
            (listed["kind"]!.GetValue<string>(), listed["status"]!.GetValue<string>(), listed["authority"]!.GetValue<string>(), listed["dueAt"]!.GetValue<string>()));
        Assert.Equal("met", listed["requirements"]![0]!["status"]!.GetValue<string>());

        var before = await SnapshotAsync(cli);
        var refused = await cli.RunAsync("documents", "status", id, "refused", "--now", Now);
        Assert.Equal(1, refused.ExitCode);
        Assert.Equal("error: The passport is issued and cannot become refused; from issued it can become collected.", Assert.Single(refused.ErrLines));
        var noReason = await cli.RunAsync("documents", "due", id, "--due", "2027-03-01T00:00:00Z", "--reason", " ", "--now", Now);
        Assert.Equal(1, noReason.ExitCode);
        Assert.Single(noReason.ErrLines);
        Assert.Equal(before, await SnapshotAsync(cli));
    }

    [Fact]
    public async Task An_unfunded_travel_cost_says_the_coordinator_is_alerted_and_a_wrong_funder_changes_nothing()
    {
        await using var cli = CliRun.OnSqlite();
        var (_, code) = await cli.StartAsync();

        var recorded = await cli.RunAsync("travel", "cost", code, "--item", "escort", "--funder", "unfunded", "--now", Now);
        Assert.True(recorded.ExitCode == 0, recorded.ToString());
        Assert.StartsWith("Recorded the escort cost as UNFUNDED", recorded.Out);
        var cost = (await cli.JsonAsync("travel", "list", code)).AsArray().Single()!;
        Assert.Equal("2027-01-05T10:00:00+00:00", cost["escalatedAt"]!.GetValue<string>());

        var before = await SnapshotAsync(cli);
        var wrong = await cli.RunAsync("travel", "cost", code, "--item", "flight", "--funder", "lottery", "--now", Now);
        Assert.Equal(1, wrong.ExitCode);
        Assert.Equal("error: Unknown funder 'lottery'; use one of iom, own-funds, state-fund, partner, unfunded.", Assert.Single(wrong.ErrLines));
        Assert.Equal(before, await SnapshotAsync(cli));
    }

    [Fact]
    public async Task Escort_legs_are_planned_in_order_and_an_unknown_mode_is_refused()
    {
        await using var cli = CliRun.OnSqlite();
        var (_, code) = await cli.StartAsync();
        await cli.JsonAsync("escort", "leg", code, "--from", "Munich airport", "--to", "Bucharest Otopeni", "--mode", "air",
            "--departs", "2027-01-20T08:00:00Z", "--escort", "IOM airport team", "--now", Now);
        await cli.JsonAsync("escort", "leg", code, "--from", "Shelter", "--to", "Munich airport", "--mode", "road",
            "--departs", "2027-01-20T05:00:00Z", "--escort", "Mitternachtsmission", "--now", Now);

        var plan = (await cli.JsonAsync("escort", "plan", code)).AsArray();
        Assert.Equal(["road", "air"], plan.Select(l => l!["mode"]!.GetValue<string>()));

        var before = await SnapshotAsync(cli);
        var wrong = await cli.RunAsync("escort", "leg", code, "--from", "A", "--to", "B", "--mode", "balloon", "--departs", "2027-01-20T05:00:00Z", "--escort", "IOM", "--now", Now);
        Assert.Equal(1, wrong.ExitCode);
        Assert.Equal("error: Unknown travel mode 'balloon'; use one of air, rail, road, sea.", Assert.Single(wrong.ErrLines));
        Assert.Equal(before, await SnapshotAsync(cli));
    }

    [Fact]
    public async Task Arrival_monitoring_and_reopen_refuse_clearly_before_their_time()
    {
        await using var cli = CliRun.OnSqlite();
        var (_, code) = await cli.StartAsync();
        var arrival = await cli.JsonAsync("arrival", "show", code);
        Assert.Equal("not-yet-asked", arrival["status"]!.GetValue<string>());

        var before = await SnapshotAsync(cli);
        var report = await cli.RunAsync("monitoring", "report", code, "--date", "2027-01-04", "--by", "ADPARE", "--wellbeing", "well", "--services", "none", "--now", Now);
        Assert.Equal(1, report.ExitCode);
        Assert.Equal($"error: Referral {code} has no monitoring follow-up yet: reports are recorded once its monitoring procedure has started.", Assert.Single(report.ErrLines));
        var reopenActive = await cli.RunAsync("referrals", "reopen", code, "--workflow", "court-appearance", "--hearing-at", "2027-03-01T09:00:00Z", "--now", Now);
        Assert.Equal(1, reopenActive.ExitCode);
        Assert.Contains("is still active: only a closed referral is reopened", Assert.Single(reopenActive.ErrLines));
        var reopenOther = await cli.RunAsync("referrals", "reopen", code, "--workflow", "monitoring", "--now", Now);
        Assert.Equal(1, reopenOther.ExitCode);
        Assert.StartsWith("error: Only a court appearance reopens a closed referral", Assert.Single(reopenOther.ErrLines));
        Assert.Equal(before, await SnapshotAsync(cli));
    }

    private static async Task<string> SnapshotAsync(CliRun cli)
    {
        await using var db = new ReferralFlowDb(DatabaseProvider.Options(cli.ConnectionString));
        return $"{await cli.SnapshotAsync()}, documents {await db.DocumentRequests.CountAsync()} ({string.Join(",", await db.DocumentRequests.Select(d => d.Status).ToListAsync())}), " +
            $"requirements {await db.DocumentRequirements.CountAsync()}, costs {await db.TravelCosts.CountAsync()}, legs {await db.EscortLegs.CountAsync()}, " +
            $"reports {await db.MonitoringReports.CountAsync()}, audit {await db.AuditEntries.CountAsync()}, escalations {await db.OutboxMessages.CountAsync(m => m.Kind == OutboxKinds.Escalation)}";
    }
}
