using ReferralFlow.Core.Acting;
namespace ReferralFlow.Tests.Cli;

public class PostgresCliTests
{
    [Fact]
    public async Task Start_and_complete_work_the_same_on_PostgreSQL()
    {
        await using var cli = await CliRun.OnPostgresAsync("cli");
        var (id, caseCode) = await cli.StartAsync(now: "2027-01-04T09:00:00Z");
        var intake = await cli.OpenTaskAsync(caseCode, "intake-identification");
        Assert.Equal(new DateTimeOffset(2027, 1, 6, 9, 0, 0, TimeSpan.Zero), intake["dueAt"]!.GetValue<DateTimeOffset>());

        await cli.JsonAsync("tasks", "complete", intake["id"]!.GetValue<string>(), "--outcome", "identified", "--form", cli.FormFile("intake-identification"));
        var show = await cli.JsonAsync("referrals", "show", id.ToString());

        Assert.Equal("risk-needs-assessment", Assert.Single(show["openSteps"]!.AsArray())!["step"]!.GetValue<string>());
        Assert.Contains(show["history"]!.AsArray(), h => h!["kind"]!.GetValue<string>() == "task-completed");
        var refused = await cli.RunAsync("tasks", "complete", intake["id"]!.GetValue<string>(), "--outcome", "identified", "--form", cli.FormFile("intake-identification"));
        Assert.Equal(1, refused.ExitCode);
        Assert.Single(refused.ErrLines);
    }
}
