using ReferralFlow.Core.Audit;
using static ReferralFlow.Tests.Audit.AuditVerifyTests;

namespace ReferralFlow.Tests.Audit;

/// <summary>Deleting the newest entries leaves a chain that proves itself: only a head kept outside the database
/// shows it.</summary>
public class AuditHeadTests
{
    [Theory]
    [MemberData(nameof(Providers), MemberType = typeof(AuditVerifyTests))]
    public async Task Deleting_the_last_entry_is_detected_by_the_signed_checkpoint(string provider)
    {
        await using var cli = await CliAsync(provider, "audit_last");
        await SeedAsync(cli, 5);
        await ExecuteAsync(cli, "DELETE FROM audit_entries WHERE sequence = 5");

        var result = await cli.RunAsync("audit", "verify");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: audit chain broken at entry 5: entry 5 is missing: the checkpoint {AuditCheckpoint.PathIn(cli.KeysFolder)} " +
            "records entry 5, but the trail ends at entry 4 (the newest entries were deleted, or the database was restored " +
            "from an older backup) (4 entries before it are intact)", Assert.Single(result.ErrLines));
    }

    [Theory]
    [MemberData(nameof(Providers), MemberType = typeof(AuditVerifyTests))]
    public async Task Deleting_the_last_ten_entries_is_detected_by_the_signed_checkpoint(string provider)
    {
        await using var cli = await CliAsync(provider, "audit_last_ten");
        await SeedAsync(cli, 14);
        await ExecuteAsync(cli, "DELETE FROM audit_entries WHERE sequence > 4");

        var result = await cli.RunAsync("audit", "verify");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: audit chain broken at entry 5: entries 5 to 14 are missing: the checkpoint", Assert.Single(result.ErrLines));
    }

    [Theory]
    [MemberData(nameof(Providers), MemberType = typeof(AuditVerifyTests))]
    public async Task Deleting_every_entry_is_detected_by_the_signed_checkpoint(string provider)
    {
        await using var cli = await CliAsync(provider, "audit_all");
        await SeedAsync(cli, 3);
        await ExecuteAsync(cli, "DELETE FROM audit_entries");

        var result = await cli.RunAsync("audit", "verify");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("entries 1 to 3 are missing", Assert.Single(result.ErrLines));
        Assert.Contains("but the trail is empty", result.Err);
    }

    [Theory]
    [MemberData(nameof(Providers), MemberType = typeof(AuditVerifyTests))]
    public async Task A_head_kept_elsewhere_shows_deleted_entries_when_the_checkpoint_is_gone(string provider)
    {
        await using var cli = await CliAsync(provider, "audit_expect");
        await SeedAsync(cli, 6);
        var printed = await cli.RunAsync("audit", "verify");
        var head = printed.OutLines[1]["head: ".Length..];
        Assert.Equal(0, (await cli.RunAsync("audit", "verify", "--expect-head", head)).ExitCode);

        await ExecuteAsync(cli, "DELETE FROM audit_entries WHERE sequence = 6");
        File.Delete(AuditCheckpoint.PathIn(cli.KeysFolder));
        var withoutAnchor = await cli.RunAsync("audit", "verify");
        var anchored = await cli.RunAsync("audit", "verify", "--expect-head", head);

        Assert.True(withoutAnchor.ExitCode == 0, "a chain alone cannot show a deleted newest entry: " + withoutAnchor);
        Assert.Equal(1, anchored.ExitCode);
        Assert.Equal("error: audit chain broken at entry 6: entry 6 is missing: the expected head records entry 6, " +
            "but the trail ends at entry 5 (the newest entries were deleted, or the database was restored from an older backup) " +
            "(5 entries before it are intact)", Assert.Single(anchored.ErrLines));
    }

    [Theory]
    [MemberData(nameof(Providers), MemberType = typeof(AuditVerifyTests))]
    public async Task An_expected_head_whose_entry_was_replaced_is_named(string provider)
    {
        await using var cli = await CliAsync(provider, "audit_expect_other");
        await SeedAsync(cli, 3);

        var result = await cli.RunAsync("audit", "verify", "--expect-head", "2:hmac:" + new string('0', 64));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: audit chain broken at entry 2: its hash differs from the expected head (2:hmac:000", Assert.Single(result.ErrLines));
    }

    [Fact]
    public async Task An_expected_head_that_is_not_SEQ_HASH_is_refused_with_a_sentence()
    {
        await using var cli = await CliAsync("sqlite", "audit_expect_bad");

        var result = await cli.RunAsync("audit", "verify", "--expect-head", "latest");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--expect-head 'latest' is not SEQ:HASH", result.Err);
    }

    [Fact]
    public async Task An_edited_checkpoint_is_refused_rather_than_trusted()
    {
        await using var cli = await CliAsync("sqlite", "audit_checkpoint_edited");
        await SeedAsync(cli, 4);
        await ExecuteAsync(cli, "DELETE FROM audit_entries WHERE sequence = 4");
        var path = AuditCheckpoint.PathIn(cli.KeysFolder);
        File.WriteAllText(path, File.ReadAllText(path).Replace("head 4:", "head 3:"));

        var result = await cli.RunAsync("audit", "verify");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"error: audit trail cannot be checked: The audit head checkpoint {path} does not carry a valid signature",
            Assert.Single(result.ErrLines));
    }
}
