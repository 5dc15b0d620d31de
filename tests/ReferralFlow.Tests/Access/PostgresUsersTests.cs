using ReferralFlow.Tests.Cli;

namespace ReferralFlow.Tests.Access;

public class PostgresUsersTests
{
    [Fact]
    public async Task Users_are_added_listed_and_refused_the_same_on_PostgreSQL()
    {
        await using var cli = await StaffCli.WithDirectoryAsync(await CliRun.OnPostgresAsync("users"));

        var added = await cli.RunAsync("users", "add", "--email", "ada@koofra.example.org", "--name", "Ada Lindqvist",
            "--organisation", "de-koofra", "--role", "administrator", "--role", "coordinator");
        Assert.True(added.ExitCode == 0, added.ToString());
        Assert.Single(added.OutLines, l => l.StartsWith("password: ", StringComparison.Ordinal));
        var duplicate = await cli.RunAsync("users", "add", "--email", "ADA@koofra.example.org", "--name", "Ada Again",
            "--organisation", "ro-adpare", "--role", "caseworker");
        Assert.Equal(1, duplicate.ExitCode);

        var listed = Assert.Single((await cli.JsonAsync("users", "list")).AsArray())!;
        Assert.Equal(("ada@koofra.example.org", "de-koofra"), (listed["email"]!.GetValue<string>(), listed["organisation"]!.GetValue<string>()));
        Assert.Equal(["administrator", "coordinator"], listed["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(0, (await cli.RunAsync("users", "disable", "ada@koofra.example.org")).ExitCode);
        Assert.True((await cli.JsonAsync("users", "list"))[0]!["disabled"]!.GetValue<bool>());
        Assert.Equal(0, (await cli.RunAsync("audit", "verify")).ExitCode);
    }
}
