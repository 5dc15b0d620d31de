using ReferralFlow.Core.Acting;
namespace ReferralFlow.Tests.Cli;

/// <summary>Each mistake gets one line on stderr, a non-zero exit code, and changes nothing.</summary>
public class BadInputTests
{
    [Fact]
    public async Task Unknown_task_id() =>
        await AssertRefusedAsync((cli, _) => cli.RunAsync("tasks", "complete", Guid.NewGuid().ToString(), "--outcome", "identified"),
            "list open tasks with 'referralflow tasks list'");

    [Fact]
    public async Task Undeclared_outcome() =>
        await AssertRefusedAsync((cli, taskId) => cli.RunAsync("tasks", "complete", taskId, "--outcome", "teleported"),
            "'teleported' is not an outcome of step 'intake-identification'");

    [Fact]
    public async Task Malformed_data_json() =>
        await AssertRefusedAsync(async (cli, taskId) =>
        {
            using var folder = new Infrastructure.TempDirectory();
            var data = folder.Combine("data.json");
            await File.WriteAllTextAsync(data, """{ "referral.source": "ngo", """);
            return await cli.RunAsync("tasks", "complete", taskId, "--outcome", "identified", "--data", data);
        }, "not valid JSON");

    [Fact]
    public async Task Data_for_a_variable_the_step_cannot_set() =>
        await AssertRefusedAsync(async (cli, taskId) =>
        {
            using var folder = new Infrastructure.TempDirectory();
            var data = folder.Combine("data.json");
            await File.WriteAllTextAsync(data, """{ "risk.level": "high" }""");
            return await cli.RunAsync("tasks", "complete", taskId, "--outcome", "identified", "--data", data);
        }, "cannot set 'risk.level'");

    [Fact]
    public async Task Missing_input_file() =>
        await AssertRefusedAsync((cli, _) => cli.RunAsync("referrals", "start", "--workflow", "transnational-return", "--input", "no-such-input.json"),
            "'no-such-input.json' does not exist");

    [Fact]
    public async Task Unknown_workflow() =>
        await AssertRefusedAsync((cli, _) => cli.RunAsync("referrals", "start", "--workflow", "no-such-procedure"),
            "No workflow 'no-such-procedure' is published");

    [Fact]
    public async Task Unknown_referral() =>
        await AssertRefusedAsync((cli, _) => cli.RunAsync("referrals", "withdraw", "RF-2027-ZZZZZ", "--reason", "duplicate"), "No referral 'RF-2027-ZZZZZ'");

    [Fact]
    public async Task Usage_error_exits_2() =>
        await AssertRefusedAsync((cli, taskId) => cli.RunAsync("tasks", "complete", taskId), "'--outcome' is required", exitCode: 2);

    [Fact]
    public async Task Unreachable_database_names_host_and_port_but_no_credentials()
    {
        var result = await CliRun.WithoutDatabaseAsync("tasks", "list",
            "--db", "Host=127.0.0.1;Port=1;Username=x;Password=hunter2;Database=y;Timeout=2");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrLines);
        Assert.StartsWith("error: cannot reach the database at 127.0.0.1:1/y: ", line);
        Assert.EndsWith("check --db or REFERRALFLOW_DB", line);
        Assert.DoesNotContain("hunter2", line);
        Assert.Empty(result.Out);
    }

    private static async Task AssertRefusedAsync(Func<CliRun, string, Task<CliResult>> command, string expected, int exitCode = 1)
    {
        await using var cli = CliRun.OnSqlite();
        var (_, caseCode) = await cli.StartAsync();
        var taskId = (await cli.OpenTaskAsync(caseCode, "intake-identification"))["id"]!.GetValue<string>();
        var before = await cli.SnapshotAsync();

        var result = await command(cli, taskId);

        Assert.True(result.ExitCode == exitCode, result.ToString());
        var line = Assert.Single(result.ErrLines);
        Assert.Contains(expected, line);
        Assert.DoesNotContain("   at ", result.Err);
        Assert.Empty(result.Out);
        Assert.Equal(before, await cli.SnapshotAsync());
    }
}
