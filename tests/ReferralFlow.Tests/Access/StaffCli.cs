using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Tests.Cli;
using ReferralFlow.Tests.Partners;

namespace ReferralFlow.Tests.Access;

/// <summary>A CLI run on a database with the demo directory imported, so users have organisations to belong to.</summary>
internal static class StaffCli
{
    public const string StrongPassword = "violet tractor under the bridge";

    public static async Task<CliRun> WithDirectoryAsync(CliRun cli)
    {
        var imported = await cli.RunAsync("partners", "import", Directories.DemoPath);
        Assert.True(imported.ExitCode == 0, imported.ToString());
        return cli;
    }

    /// <summary>Users, their roles and audit entries: equal before and after means nothing was changed.</summary>
    public static async Task<string> SnapshotAsync(CliRun cli)
    {
        await using var db = new ReferralFlowDb(DatabaseProvider.Options(cli.ConnectionString));
        var stamps = string.Join(",", await db.Users.OrderBy(u => u.Id)
            .Select(u => u.ConcurrencyStamp + u.PasswordHash + u.DisabledAt + u.LockoutEnd).ToListAsync());
        return $"users {await db.Users.CountAsync()} ({stamps.GetHashCode()}), user roles {await db.UserRoles.CountAsync()}, " +
            $"audit {await db.AuditEntries.CountAsync()}";
    }

    public static ReferralFlowDb Open(CliRun cli) => new(DatabaseProvider.Options(cli.ConnectionString));
}
