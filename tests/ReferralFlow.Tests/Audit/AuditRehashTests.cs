using ReferralFlow.Core.Audit;
using ReferralFlow.Tests.Cli;
using ReferralFlow.Tests.Infrastructure;
using static ReferralFlow.Tests.Audit.AuditVerifyTests;

namespace ReferralFlow.Tests.Audit;

/// <summary>Editing an entry and re-hashing the chain after it: what a plain hash chain cannot catch, and a keyed one
/// does, because the writer has the database but not the key.</summary>
public class AuditRehashTests
{
    [Theory]
    [MemberData(nameof(Providers), MemberType = typeof(AuditVerifyTests))]
    public async Task Editing_then_rehashing_with_plain_SHA256_is_detected(string provider)
    {
        await using var cli = await CliAsync(provider, "audit_rehash_plain");
        await SeedAsync(cli, 5);
        await using (var db = Open(cli))
            await AuditTampering.EditAndRehashAsync(db, 3, "nothing.read", AuditChain.HashOf);

        var result = await cli.RunAsync("audit", "verify");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: audit chain broken at entry 3: it carries a plain hash after entries sealed with the audit key",
            Assert.Single(result.ErrLines));
    }

    [Theory]
    [MemberData(nameof(Providers), MemberType = typeof(AuditVerifyTests))]
    public async Task Rehashing_the_whole_chain_with_plain_SHA256_is_detected(string provider)
    {
        await using var cli = await CliAsync(provider, "audit_rehash_all");
        await SeedAsync(cli, 4);
        await using (var db = Open(cli))
            await AuditTampering.EditAndRehashAsync(db, 1, "nothing.read", AuditChain.HashOf);

        var result = await cli.RunAsync("audit", "verify");

        // Every entry now looks like one an older version sealed; the checkpoint knows keyed sealing began at entry 1.
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: audit chain broken at entry 1: it carries a plain hash, but the checkpoint", Assert.Single(result.ErrLines));
        Assert.Contains("records keyed sealing from entry 1 on", result.Err);
    }

    [Theory]
    [MemberData(nameof(Providers), MemberType = typeof(AuditVerifyTests))]
    public async Task Editing_then_rehashing_with_a_wrong_key_is_detected(string provider)
    {
        await using var cli = await CliAsync(provider, "audit_rehash_key");
        using var otherKeys = new TempDirectory("rf-keys");
        await SeedAsync(cli, 5);
        var wrongKey = AuditKey.LoadOrCreate(otherKeys.Path);
        await using (var db = Open(cli))
            await AuditTampering.EditAndRehashAsync(db, 4, "nothing.read", e => AuditChain.KeyedHashOf(e, wrongKey));

        var result = await cli.RunAsync("audit", "verify");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: audit chain broken at entry 4: its hash does not match its content", Assert.Single(result.ErrLines));
    }

    [Theory]
    [MemberData(nameof(Providers), MemberType = typeof(AuditVerifyTests))]
    public async Task A_trail_checked_without_its_key_says_the_key_is_missing(string provider)
    {
        await using var cli = await CliAsync(provider, "audit_no_key");
        using var emptyKeys = new TempDirectory("rf-keys");
        await SeedAsync(cli, 2);

        var result = await CliRun.WithoutDatabaseAsync("audit", "verify", "--db", cli.ConnectionString, "--keys", emptyKeys.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"error: audit chain broken at entry 1: it is sealed with the audit key, but {AuditKey.PathIn(emptyKeys.Path)} is missing",
            Assert.Single(result.ErrLines));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_audit_key_is_readable_by_its_owner_only()
    {
        await using var cli = await CliAsync("sqlite", "audit_key_mode");
        await SeedAsync(cli, 1);

        var path = AuditKey.PathIn(cli.KeysFolder);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(AuditCheckpoint.PathIn(cli.KeysFolder)));
        Assert.Equal(44, File.ReadAllText(path).Trim().Length);
    }
}
