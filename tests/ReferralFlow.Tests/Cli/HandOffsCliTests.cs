using System.Text.Json.Nodes;

namespace ReferralFlow.Tests.Cli;

/// <summary><c>handoffs progress</c> and <c>handoffs show</c>: progress on an open request, and its attributed timeline.</summary>
public class HandOffsCliTests
{
    private static async Task<(string CaseCode, string HandOffId)> AtAcceptReferralAsync(CliRun cli)
    {
        var (_, caseCode) = await cli.StartAsync();
        foreach (var (step, outcome, extra) in new (string, string, string[])[]
                 {
                     ("intake-identification", "identified", new[] { "--form", cli.FormFile("intake-identification") }),
                     ("risk-needs-assessment", "assessed", new[] { "--form", cli.FormFile("risk-needs-assessment") }),
                     ("informed-choice", "return", new[] { "--form", cli.FormFile("informed-choice") }),
                 })
        {
            var task = await cli.OpenTaskAsync(caseCode, step);
            await cli.JsonAsync(["tasks", "complete", task["id"]!.GetValue<string>(), "--outcome", outcome, "--now", "2027-01-04T10:00:00Z", .. extra]);
        }
        var handOff = Assert.Single((await cli.JsonAsync("handoffs", "list", "--referral", caseCode)).AsArray())!;
        return (caseCode, handOff["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Progress_is_recorded_listed_and_shown_in_the_timeline_with_who_and_how()
    {
        await using var cli = CliRun.OnSqlite();
        var (caseCode, id) = await AtAcceptReferralAsync(cli);

        var progress = await cli.RunAsync("handoffs", "progress", id, "--sub-status", "in-transit", "--channel", "phone",
            "--now", "2027-01-06T08:30:00Z");

        Assert.True(progress.ExitCode == 0, progress.ToString());
        Assert.Equal($"Recorded 'in-transit' on 'accept-referral' of {caseCode}: now in-progress (in-transit).", progress.Out.Trim());
        var listed = Assert.Single((await cli.JsonAsync("handoffs", "list", "--referral", caseCode)).AsArray())!;
        Assert.Equal(("in-progress", "in-transit"), (listed["status"]!.GetValue<string>(), listed["subStatus"]!.GetValue<string>()));

        var shown = await cli.JsonAsync("handoffs", "show", id);
        Assert.Equal("in-transit", shown["handOff"]!["subStatus"]!.GetValue<string>());
        var events = shown["events"]!.AsArray().Select(e => (
            e!["change"]!.GetValue<string>(), e["status"]!.GetValue<string>(), e["by"]!.GetValue<string>(),
            e["actor"]?.GetValue<string>(), e["channel"]?.GetValue<string>(), e["at"]!.GetValue<DateTimeOffset>())).ToList();
        Assert.Equal([
            ("requested", "requested", "system", null, null, new DateTimeOffset(2027, 1, 4, 10, 0, 0, TimeSpan.Zero)),
            // The operator records it, by operating-system user name.
            ("progress", "in-progress", "staff", Environment.UserName, "phone", new DateTimeOffset(2027, 1, 6, 8, 30, 0, TimeSpan.Zero)),
        ], events);

        var text = await cli.RunAsync("handoffs", "show", id);
        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.StartsWith($"{caseCode}  accept-referral  in-progress (in-transit)", text.Out);
        Assert.Contains("Timeline (UTC)", text.Out);
        Assert.Contains(text.OutLines, l => l.StartsWith("2027-01-06 08:30  progress", StringComparison.Ordinal)
            && l.Contains($"staff {Environment.UserName}") && l.Contains("phone"));
    }

    [Fact]
    public async Task Bad_progress_is_one_line_on_stderr_and_changes_nothing()
    {
        await using var cli = CliRun.OnSqlite();
        var (caseCode, id) = await AtAcceptReferralAsync(cli);
        var before = await cli.SnapshotAsync();

        var typo = await cli.RunAsync("handoffs", "progress", id, "--sub-status", "handed-ovr");
        Assert.Equal((1, "error: Unknown sub-status 'handed-ovr'; did you mean 'handed-over'?"), (typo.ExitCode, Assert.Single(typo.ErrLines)));
        var unknown = await cli.RunAsync("handoffs", "show", Guid.Empty.ToString());
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("No hand-off", Assert.Single(unknown.ErrLines));
        Assert.Equal(before, await cli.SnapshotAsync());

        await cli.JsonAsync("handoffs", "answer", id, "--outcome", "accepted", "--channel", "phone");
        var closed = await cli.RunAsync("handoffs", "progress", id, "--sub-status", "in-transit");
        Assert.Equal(1, closed.ExitCode);
        Assert.EndsWith($"of {caseCode} is completed (accepted): progress is recorded on open hand-offs only; " +
            "see its timeline with 'referralflow handoffs show'.", Assert.Single(closed.ErrLines));
    }
}
