using ReferralFlow.Core.Acting;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Export;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Tests.Cli;
using ReferralFlow.Tests.Infrastructure;

namespace ReferralFlow.Tests.Export;

public sealed class ReferralExportTests
{
    [Fact]
    public async Task Export_writes_the_record_with_htcds_case_fields_and_is_audited()
    {
        await using var cli = CliRun.OnSqlite();
        var (id, caseCode) = await cli.StartAsync(now: "2027-01-04T09:00:00Z");
        var intake = await cli.OpenTaskAsync(caseCode, "intake-identification");
        await cli.JsonAsync("tasks", "complete", intake["id"]!.GetValue<string>(), "--outcome", "identified", "--now", "2027-01-04T11:00:00Z", "--form", cli.FormFile("intake-identification"));
        using var folder = new TempDirectory();
        var file = folder.Combine("export.json");

        var result = await cli.RunAsync("referrals", "export", caseCode, "--purpose", "access-request", "--out", file, "--now", "2027-01-05T08:00:00Z");

        Assert.True(result.ExitCode == 0, result.ToString());
        var document = JsonNode.Parse(await File.ReadAllTextAsync(file))!;
        Assert.Equal(ReferralExport.Format, document["format"]!.GetValue<string>());
        Assert.Equal(caseCode, document["case"]!["caseCode"]!.GetValue<string>());
        Assert.Equal("Active", document["case"]!["cas_Status"]!.GetValue<string>());
        Assert.Equal("2027-01-04", document["case"]!["cas_OutgoingReferralDate"]!.GetValue<string>());
        var task = Assert.Single(document["tasks"]!.AsArray(), t => t!["step"]!.GetValue<string>() == "intake-identification")!;
        Assert.Equal("identified", task["outcome"]!.GetValue<string>());
        Assert.Contains(document["history"]!.AsArray(), h => h!["kind"]!.GetValue<string>() == "task-completed");
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));

        await using var db = new ReferralFlowDb(DatabaseProvider.Options(cli.ConnectionString));
        var audit = Assert.Single(await db.AuditEntries.Where(e => e.Action == ReferralExport.AuditAction).ToListAsync());
        Assert.Equal(id, audit.ReferralId);
        Assert.Equal("purpose: access-request", audit.Detail);
        Assert.Equal(new DateTimeOffset(2027, 1, 5, 8, 0, 0, TimeSpan.Zero), audit.At);
    }

    [Fact]
    public async Task An_unknown_purpose_or_referral_exports_nothing_and_records_nothing()
    {
        await using var cli = CliRun.OnSqlite();
        var (_, caseCode) = await cli.StartAsync();

        var badPurpose = await cli.RunAsync("referrals", "export", caseCode, "--purpose", "curiosity");
        var unknown = await cli.RunAsync("referrals", "export", "RF-2027-AAAAA", "--purpose", "transfer");

        Assert.NotEqual(0, badPurpose.ExitCode);
        Assert.Contains("access-request", badPurpose.Err, StringComparison.Ordinal);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("No referral 'RF-2027-AAAAA'", unknown.Err, StringComparison.Ordinal);
        Assert.Equal("", unknown.Out);
        await using var db = new ReferralFlowDb(DatabaseProvider.Options(cli.ConnectionString));
        Assert.Equal(0, await db.AuditEntries.CountAsync());
    }
}

public sealed class FullRecordExportTests
{
    [Fact]
    public async Task The_export_carries_the_decrypted_person_consents_and_records_under_htcds_names_and_audits_each_read()
    {
        await using var intake = await People.IntakeCli.CreateAsync();
        var cli = intake.Cli;
        var caseCode = await intake.StartedAsync("transnational-return", People.AtRest.IntakeJson());
        Assert.Equal(0, (await cli.RunAsync("consent", "record", caseCode, "--recipient", "ro-adpare", "--purpose", "refer",
            "--form", "written", "--given-by", "person", "--now", People.IntakeCli.Now)).ExitCode);
        var document = await cli.RunAsync("documents", "add", caseCode, "--kind", "passport", "--authority", "consulate:RO",
            "--number", "PAS-77120", "--due", "2027-02-01T00:00:00Z", "--now", People.IntakeCli.Now);
        Assert.True(document.ExitCode == 0, document.ToString());
        using var folder = new TempDirectory();
        var file = folder.Combine("record.json");

        var result = await cli.RunAsync("referrals", "export", caseCode, "--purpose", "transfer", "--out", file, "--now", "2027-01-05T08:00:00Z");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain(People.AtRest.Name, result.Out, StringComparison.Ordinal);
        var record = JsonNode.Parse(await File.ReadAllTextAsync(file))!;
        Assert.Equal((People.AtRest.Name, People.AtRest.BirthDate, "RO", People.AtRest.DocumentNumber),
            (record["person"]!["fullName"]!.GetValue<string>(), record["person"]!["prs_Birthdate"]!.GetValue<string>(),
             record["person"]!["prs_Nationality"]!.GetValue<string>(), record["person"]!["documentNumber"]!.GetValue<string>()));
        var consent = Assert.Single(record["consents"]!.AsArray())!;
        Assert.Equal(("ro-adpare", "refer"), (consent["recipient"]!.GetValue<string>(), consent["purpose"]!.GetValue<string>()));
        var passport = Assert.Single(record["records"]!["documents"]!.AsArray())!;
        Assert.Contains("PAS-77120", passport.ToJsonString(), StringComparison.Ordinal);
        var referred = record["case"]!["cas_ReferredOrganisation"]!.AsArray();
        Assert.Contains(referred, o => o!["org_Name"]!.GetValue<string>() == "ADPARE" && o["role"]!.GetValue<string>() == "receiving");

        await using var db = intake.OpenDb();
        var actions = await db.AuditEntries.OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync();
        Assert.Contains("document.numbers-read", actions);
        Assert.Equal(ReferralExport.AuditAction, actions[^1]);
        Assert.DoesNotContain(await db.AuditEntries.Select(e => e.Detail ?? "").ToListAsync(), d => d.Contains("Quenbrook", StringComparison.Ordinal));
    }
}
