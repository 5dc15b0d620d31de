using ReferralFlow.Core.Acting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Audit;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Tests.Cli;
using ReferralFlow.Web.Pages;

namespace ReferralFlow.Tests.Audit;

/// <summary><c>audit verify</c> against rows changed behind the application's back.</summary>
public class AuditVerifyTests
{
    public static readonly TheoryData<string> Providers = new() { "sqlite", "postgres" };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_intact_chain_verifies(string provider)
    {
        await using var cli = await CliAsync(provider, "audit_intact");
        await SeedAsync(cli, 4);

        var result = await cli.RunAsync("audit", "verify");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(3, result.OutLines.Count);
        Assert.Equal("audit chain intact: 4 entries", result.OutLines[0]);
        Assert.Matches("^head: 4:hmac:[0-9a-f]{64}$", result.OutLines[1]);
        Assert.Equal($"checkpoint: entry 4 in {AuditCheckpoint.PathIn(cli.KeysFolder)}", result.OutLines[2]);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_edited_detail_is_named_as_the_first_broken_entry(string provider)
    {
        await using var cli = await CliAsync(provider, "audit_edited");
        await SeedAsync(cli, 5);
        await ExecuteAsync(cli, "UPDATE audit_entries SET detail = 'nothing happened' WHERE sequence = 3");

        var result = await cli.RunAsync("audit", "verify");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrLines);
        Assert.StartsWith("error: audit chain broken at entry 3: its hash does not match its content", line);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_deleted_middle_entry_is_named(string provider)
    {
        await using var cli = await CliAsync(provider, "audit_deleted");
        await SeedAsync(cli, 5);
        await ExecuteAsync(cli, "DELETE FROM audit_entries WHERE sequence = 2");

        var result = await cli.RunAsync("audit", "verify");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: audit chain broken at entry 2: entry 2 is missing: the chain jumps from 1 to 3", Assert.Single(result.ErrLines));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_forged_entry_with_a_fresh_plain_hash_is_named_as_written_without_the_key(string provider)
    {
        await using var cli = await CliAsync(provider, "audit_forged");
        await SeedAsync(cli, 3);
        await using (var db = Open(cli))
        {
            var forged = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Sequence == 2);
            var copy = new AuditEntry
            {
                At = forged.At, Actor = forged.Actor, Source = forged.Source, Action = "nothing.read",
                ReferralId = forged.ReferralId, Subject = forged.Subject, Detail = forged.Detail,
                Sequence = 2, PreviousHash = forged.PreviousHash,
            };
            await AuditTampering.ExecuteAsync(db, "UPDATE audit_entries SET action = {0}, hash = {1} WHERE sequence = 2",
                copy.Action, AuditChain.HashOf(copy));
        }

        var run = await cli.RunAsync("audit", "verify", "--json");
        var result = run.Json;

        Assert.Equal(1, run.ExitCode);
        Assert.False(result["intact"]!.GetValue<bool>());
        Assert.Equal(2, result["firstBreak"]!["sequence"]!.GetValue<long>());
        Assert.Contains("plain hash after entries sealed with the audit key", result["firstBreak"]!["problem"]!.GetValue<string>());
    }

    [Fact]
    public async Task List_shows_the_entries_of_one_referral_in_chain_order()
    {
        await using var cli = CliRun.OnSqlite();
        var (id, caseCode) = await cli.StartAsync();
        await using (var db = Open(cli))
        {
            AuditTrail.Record(db, Actor.Operator("ana"), "person.read", id, "person", DateTimeOffset.Parse("2027-01-05T10:00:00Z"));
            AuditTrail.Record(db, Actor.Operator("ana"), "person.read", Guid.NewGuid(), "person", DateTimeOffset.Parse("2027-01-05T10:01:00Z"));
            AuditTrail.Record(db, Actor.Operator("ana"), "consent.recorded", id, "consent 7", DateTimeOffset.Parse("2027-01-05T10:02:00Z"));
            await db.SaveChangesAsync();
        }

        var listed = (await cli.JsonAsync("audit", "list", "--referral", caseCode)).AsArray();
        var text = await cli.RunAsync("audit", "list", "--referral", caseCode);

        // Starting the referral may audit entries of its own (the person record); ours come last, the other referral's never.
        Assert.Equal(["person.read", "consent.recorded"], listed.Select(e => e!["action"]!.GetValue<string>()).TakeLast(2));
        Assert.All(listed, e => Assert.Equal(caseCode, e!["caseCode"]!.GetValue<string>()));
        Assert.DoesNotContain(listed, e => e!["at"]!.GetValue<DateTimeOffset>().Minute == 1);
        Assert.StartsWith("SEQ", text.OutLines[0]);
        Assert.Contains("consent 7", text.OutLines[^1]);
    }

    [Fact]
    public void A_web_request_is_audited_with_its_remote_address()
    {
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = System.Net.IPAddress.Parse("10.0.0.7");

        var actor = PageActor.For(http);
        Assert.Equal(("web", "web 10.0.0.7"), (actor.Name, actor.Source));
    }

    internal static async Task<CliRun> CliAsync(string provider, string name) =>
        provider == "postgres" ? await CliRun.OnPostgresAsync(name) : CliRun.OnSqlite();

    internal static ReferralFlowDb Open(CliRun cli) => new(DatabaseProvider.Options(cli.ConnectionString, cli.KeysFolder));

    internal static async Task SeedAsync(CliRun cli, int count)
    {
        var empty = await cli.RunAsync("audit", "verify");
        Assert.True(empty.ExitCode == 0, empty.ToString());
        for (var i = 1; i <= count; i++)
        {
            await using var db = Open(cli);
            AuditTrail.Record(db, Actor.Operator("ana"), "person.read", null, "person",
                new DateTimeOffset(2027, 1, 5, 10, i, 0, TimeSpan.Zero).AddTicks(1234567), $"reason {i}");
            await db.SaveChangesAsync();
        }
    }

    internal static async Task ExecuteAsync(CliRun cli, string sql)
    {
        await using var db = Open(cli);
        await AuditTampering.ExecuteAsync(db, sql);
    }
}
