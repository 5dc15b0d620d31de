using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Export;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Tests.Cli;
using ReferralFlow.Tests.Infrastructure;

namespace ReferralFlow.Tests.Export;

/// <summary>An export holds the person's record in clear: it goes only to a new regular file the operator named.</summary>
public sealed class ExportTargetTests
{
    private const string Now = "2027-01-05T08:00:00Z";

    [Fact]
    public async Task Export_refuses_a_symbolic_link_and_writes_nothing_through_it_nor_audits()
    {
        await using var cli = CliRun.OnSqlite();
        var (_, caseCode) = await cli.StartAsync();
        using var folder = new TempDirectory();
        var aimedAt = folder.Combine("elsewhere.json");
        var link = folder.Combine("export.json");
        File.CreateSymbolicLink(link, aimedAt);

        var result = await cli.RunAsync("referrals", "export", caseCode, "--purpose", "transfer", "--out", link, "--force", "--now", Now);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: {link} is a symbolic link; give the path of a regular file (an export never follows a link).", Assert.Single(result.ErrLines));
        Assert.False(File.Exists(aimedAt));
        Assert.Equal(0, await ExportsAuditedAsync(cli));
    }

    [Fact]
    public async Task Export_keeps_an_existing_file_unless_told_to_replace_it()
    {
        await using var cli = CliRun.OnSqlite();
        var (_, caseCode) = await cli.StartAsync();
        using var folder = new TempDirectory();
        var file = folder.Combine("export.json");
        await File.WriteAllTextAsync(file, "kept");

        var refused = await cli.RunAsync("referrals", "export", caseCode, "--purpose", "transfer", "--out", file, "--now", Now);

        Assert.Equal(1, refused.ExitCode);
        Assert.Equal($"error: {file} already exists; give another path, or --force to replace it.", Assert.Single(refused.ErrLines));
        Assert.Equal("kept", await File.ReadAllTextAsync(file));
        Assert.Equal(0, await ExportsAuditedAsync(cli));

        var replaced = await cli.RunAsync("referrals", "export", caseCode, "--purpose", "transfer", "--out", file, "--force", "--now", Now);

        Assert.True(replaced.ExitCode == 0, replaced.ToString());
        Assert.Contains(caseCode, await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(1, await ExportsAuditedAsync(cli));
    }

    private static async Task<int> ExportsAuditedAsync(CliRun cli)
    {
        await using var db = new ReferralFlowDb(DatabaseProvider.Options(cli.ConnectionString));
        return await db.AuditEntries.CountAsync(e => e.Action == ReferralExport.AuditAction);
    }
}
