using ReferralFlow.Tests.Cli;

namespace ReferralFlow.Tests.Access;

/// <summary>Refused input: exit 1, one sentence naming the field, nothing created, and the password never echoed.</summary>
public class UsersBadInputTests
{
    public static TheoryData<string, string[]> Refusals => new()
    {
        { "Organisation:", ["--name", "Ioana Pop", "--organisation", "xx-nowhere", "--role", "caseworker", "--password", StaffCli.StrongPassword] },
        { "Roles: 'boss' is not a role", ["--name", "Ioana Pop", "--organisation", "ro-adpare", "--role", "boss", "--password", StaffCli.StrongPassword] },
        { "Password: too short", ["--name", "Ioana Pop", "--organisation", "ro-adpare", "--role", "caseworker", "--password", "s3cret-Pw!"] },
        { "Password: This password is among the most common", ["--name", "Ioana Pop", "--organisation", "ro-adpare", "--role", "caseworker", "--password", "password1234"] },
        { "Name:", ["--name", "  ", "--organisation", "ro-adpare", "--role", "caseworker", "--password", StaffCli.StrongPassword] },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Bad_input_is_refused_in_one_sentence_and_creates_nothing(string sentence, string[] options)
    {
        await using var cli = await StaffCli.WithDirectoryAsync(CliRun.OnSqlite());
        var before = await StaffCli.SnapshotAsync(cli);

        var result = await cli.RunAsync(["users", "add", "--email", "cw@adpare.example.org", .. options]);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrLines);
        Assert.Contains(sentence, line, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
        var password = options[Array.IndexOf(options, "--password") + 1];
        Assert.DoesNotContain(password, line, StringComparison.Ordinal);
        Assert.Equal(before, await StaffCli.SnapshotAsync(cli));
    }

    [Fact]
    public async Task A_second_user_with_the_same_e_mail_in_another_case_is_refused()
    {
        await using var cli = await StaffCli.WithDirectoryAsync(CliRun.OnSqlite());
        await cli.JsonAsync("users", "add", "--email", "cw@adpare.example.org", "--name", "Ioana Pop", "--organisation", "ro-adpare",
            "--role", "caseworker");
        var before = await StaffCli.SnapshotAsync(cli);

        var result = await cli.RunAsync("users", "add", "--email", "CW@ADPARE.example.org", "--name", "Someone Else",
            "--organisation", "de-koofra", "--role", "coordinator", "--password", StaffCli.StrongPassword);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("E-mail: another user has this e-mail address already", Assert.Single(result.ErrLines));
        Assert.DoesNotContain("CW@ADPARE", result.Err, StringComparison.Ordinal);
        Assert.Equal(before, await StaffCli.SnapshotAsync(cli));
    }

    [Fact]
    public async Task Changes_to_a_user_nobody_has_are_refused_and_a_weak_new_password_keeps_the_old_one()
    {
        await using var cli = await StaffCli.WithDirectoryAsync(CliRun.OnSqlite());
        await cli.JsonAsync("users", "add", "--email", "cw@adpare.example.org", "--name", "Ioana Pop", "--organisation", "ro-adpare",
            "--role", "caseworker", "--password", StaffCli.StrongPassword);
        var before = await StaffCli.SnapshotAsync(cli);

        string[][] refused =
        [
            ["users", "disable", "nobody@example.org"],
            ["users", "enable", "nobody@example.org"],
            ["users", "reset-password", "nobody@example.org"],
            ["users", "roles", "nobody@example.org", "--set", "caseworker"],
            ["users", "roles", "cw@adpare.example.org", "--set", "caseworker,chief"],
            ["users", "reset-password", "cw@adpare.example.org", "--password", "password1234"],
        ];
        foreach (var args in refused)
        {
            var result = await cli.RunAsync(args);
            Assert.True(result.ExitCode == 1, $"{string.Join(' ', args)}: {result}");
            Assert.Single(result.ErrLines);
            Assert.DoesNotContain("password1234", result.Err, StringComparison.Ordinal);
        }
        Assert.Equal(before, await StaffCli.SnapshotAsync(cli));
    }
}
