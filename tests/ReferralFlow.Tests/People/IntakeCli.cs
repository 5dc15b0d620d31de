using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Tests.Cli;
using ReferralFlow.Tests.Infrastructure;
using ReferralFlow.Tests.Partners;

namespace ReferralFlow.Tests.People;

/// <summary>A CLI on a fresh SQLite file with the demo directory, and intake files written on the fly.</summary>
public sealed class IntakeCli : IAsyncDisposable
{
    public const string Now = "2027-01-04T09:00:00Z";

    private readonly TempDirectory folder = new("rf-intake");
    private int files;

    private IntakeCli(CliRun cli) => Cli = cli;

    public CliRun Cli { get; }

    public static async Task<IntakeCli> CreateAsync()
    {
        var cli = CliRun.OnSqlite();
        var imported = await cli.RunAsync("partners", "import", Directories.DemoPath);
        Assert.True(imported.ExitCode == 0, imported.ToString());
        return new IntakeCli(cli);
    }

    public string File(string json)
    {
        var path = folder.Combine($"input-{++files}.json");
        System.IO.File.WriteAllText(path, json);
        return path;
    }

    public Task<CliResult> StartAsync(string workflow, string json, string now = Now) =>
        Cli.RunAsync("referrals", "start", "--workflow", workflow, "--input", File(json), "--now", now, "--json");

    public async Task<string> StartedAsync(string workflow, string json, string now = Now)
    {
        var result = await StartAsync(workflow, json, now);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Json["caseCode"]!.GetValue<string>();
    }

    public ReferralFlowDb OpenDb() => new(DatabaseProvider.Options(Cli.ConnectionString));

    /// <summary>Referrals, person records, audit entries, history lines, partner assignments: all zero means nothing was created.</summary>
    public async Task<string> CreatedAsync()
    {
        await using var db = OpenDb();
        return $"referrals {await db.Referrals.CountAsync()}, persons {await db.PersonRecords.CountAsync()}, " +
            $"audit {await db.AuditEntries.CountAsync()}, history {await db.History.CountAsync()}, assignments {await db.PartnerAssignments.CountAsync()}";
    }

    public static string Person(string birthDate) =>
        birthDate.Length == 0 ? """{"fullName": "Ana Test"}""" : $$"""{"fullName": "Ana Test", "birthDate": "{{birthDate}}"}""";

    public async ValueTask DisposeAsync()
    {
        await Cli.DisposeAsync();
        folder.Dispose();
    }
}
