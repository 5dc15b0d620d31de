using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Cli;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Tests.Infrastructure;

namespace ReferralFlow.Tests.Cli;

/// <summary>What one in-process run of the CLI printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Out, string Err)
{
    public IReadOnlyList<string> OutLines => Lines(Out);
    public IReadOnlyList<string> ErrLines => Lines(Err);
    public JsonNode Json => JsonNode.Parse(Out) ?? throw new InvalidOperationException("stdout is empty");

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Err}";
}

/// <summary>Runs <c>referralflow</c> through <see cref="CliApp.RunAsync"/> against one database.</summary>
public sealed class CliRun : IAsyncDisposable
{
    private readonly SqliteFile? sqlite;
    private readonly bool dropPostgres;

    // The keys that encrypt the person's data, per run: never ./data/keys.
    private readonly TempDirectory keys = new("rf-keys");

    private CliRun(string connectionString, SqliteFile? sqlite, bool dropPostgres)
    {
        ConnectionString = connectionString;
        this.sqlite = sqlite;
        this.dropPostgres = dropPostgres;
    }

    public string ConnectionString { get; }

    public string KeysFolder => keys.Path;

    /// <summary>A form file for a task that shows one: tasks with a form complete only with it. Empty for the intake and
    /// informed-choice forms (nothing required); every area "low" for the risk assessment, which sets risk.level.</summary>
    public string FormFile(string step) => WriteForm(keys.Path, step);

    public static string WriteForm(string folder, string step)
    {
        Directory.CreateDirectory(folder);
        var path = System.IO.Path.Combine(folder, $"form-{step}.json");
        File.WriteAllText(path, step == "risk-needs-assessment"
            ? """{ "physicalHealth": "low", "emotionalState": "low", "familyRisk": "low", "networkRisk": "low", "substanceUseSelfHarm": "low", "dangerWhileWaiting": "low", "specialNeeds": "low", "overallLevel": "low" }"""
            : "{}");
        return path;
    }

    /// <summary>The SQLite file, or null on PostgreSQL.</summary>
    public string? SqlitePath => sqlite?.Path;

    public static CliRun OnSqlite()
    {
        var file = new SqliteFile();
        return new CliRun(file.ConnectionString, file, false);
    }

    public static async Task<CliRun> OnPostgresAsync(string name) =>
        new(await PostgresServer.CreateDatabaseAsync(name), null, true);

    public static async Task<CliResult> WithoutDatabaseAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, stdout, stderr);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    public Task<CliResult> RunAsync(params string[] args) => WithoutDatabaseAsync([.. args, "--db", ConnectionString, "--keys", KeysFolder]);

    /// <summary>Runs a command that must succeed and returns its --json output.</summary>
    public async Task<JsonNode> JsonAsync(params string[] args)
    {
        var result = await RunAsync([.. args, "--json"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Json;
    }

    public async Task<(Guid Id, string CaseCode)> StartAsync(string workflow = "transnational-return", string now = "2027-01-04T09:00:00Z")
    {
        var started = await JsonAsync("referrals", "start", "--workflow", workflow, "--now", now);
        return (started["id"]!.GetValue<Guid>(), started["caseCode"]!.GetValue<string>());
    }

    public async Task<JsonNode> OpenTaskAsync(string caseCode, string step)
    {
        var tasks = (await JsonAsync("tasks", "list", "--referral", caseCode)).AsArray();
        return tasks.Single(t => t!["step"]!.GetValue<string>() == step)!;
    }

    /// <summary>Row counts and revisions: equal before and after means the command changed nothing.</summary>
    public async Task<string> SnapshotAsync()
    {
        await using var db = new ReferralFlowDb(DatabaseProvider.Options(ConnectionString));
        var revisions = await db.Referrals.SumAsync(r => r.Revision);
        return $"referrals {await db.Referrals.CountAsync()} (revisions {revisions}), tasks {await db.Tasks.CountAsync()}, " +
            $"hand-offs {await db.HandOffs.CountAsync()}, history {await db.History.CountAsync()}, timers {await db.Timers.CountAsync()}, " +
            $"outbox {await db.OutboxMessages.CountAsync()}, incidents {await db.Incidents.CountAsync()}, audit {await db.AuditEntries.CountAsync()}";
    }

    public async ValueTask DisposeAsync()
    {
        if (dropPostgres) await PostgresServer.DropDatabaseAsync(ConnectionString);
        sqlite?.Dispose();
        keys.Dispose();
    }
}
