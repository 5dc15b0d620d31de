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
    public async Task A_transfer_carries_its_sections_leaves_out_the_forms_asked_and_lists_what_it_left_out()
    {
        await using var cli = CliRun.OnSqlite();
        var (_, caseCode) = await cli.StartAsync(now: "2027-01-04T09:00:00Z");
        var intake = await cli.OpenTaskAsync(caseCode, "intake-identification");
        await cli.JsonAsync("tasks", "complete", intake["id"]!.GetValue<string>(), "--outcome", "identified", "--now", "2027-01-04T11:00:00Z", "--form", cli.FormFile("intake-identification"));
        using var folder = new TempDirectory();
        var file = folder.Combine("transfer.json");

        var result = await cli.RunAsync("referrals", "export", caseCode, "--purpose", "transfer", "--leave-out-form", "intake",
            "--out", file, "--now", "2027-01-05T08:00:00Z");

        Assert.True(result.ExitCode == 0, result.ToString());
        var document = JsonNode.Parse(await File.ReadAllTextAsync(file))!;
        Assert.Equal("transfer", document["purpose"]!.GetValue<string>());
        Assert.Equal(caseCode, document["case"]!["caseCode"]!.GetValue<string>());
        Assert.Empty(document["forms"]!.AsArray());
        Assert.Null(document["tasks"]);
        Assert.Null(document["history"]);
        Assert.Null(document["handOffs"]);
        var leftOut = document["leftOut"]!.AsArray().Select(x => x!["form"]?.GetValue<string>() ?? x!["section"]!.GetValue<string>()).ToList();
        Assert.Equal(["tasks", "handOffs", "history", "intake"], leftOut);
        await using var db = new ReferralFlowDb(DatabaseProvider.Options(cli.ConnectionString));
        Assert.Equal("purpose: transfer; forms left out: intake",
            (await db.AuditEntries.SingleAsync(e => e.Action == ReferralExport.AuditAction)).Detail);
    }

    [Fact]
    public async Task Only_a_transfer_leaves_forms_out_and_only_forms_the_referral_has()
    {
        await using var cli = CliRun.OnSqlite();
        var (_, caseCode) = await cli.StartAsync(now: "2027-01-04T09:00:00Z");
        var intake = await cli.OpenTaskAsync(caseCode, "intake-identification");
        await cli.JsonAsync("tasks", "complete", intake["id"]!.GetValue<string>(), "--outcome", "identified", "--now", "2027-01-04T11:00:00Z", "--form", cli.FormFile("intake-identification"));

        var access = await cli.RunAsync("referrals", "export", caseCode, "--purpose", "access-request", "--leave-out-form", "intake");
        var unknown = await cli.RunAsync("referrals", "export", caseCode, "--purpose", "transfer", "--leave-out-form", "legal-status");

        Assert.Equal(1, access.ExitCode);
        Assert.Contains("An export for 'access-request' is owed the whole record: only a 'transfer' can leave forms out.", access.Err);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("No form 'legal-status' was submitted on this referral, so it cannot be left out; its forms are: intake.", unknown.Err);
        Assert.Equal("", access.Out + unknown.Out);
        await using var db = new ReferralFlowDb(DatabaseProvider.Options(cli.ConnectionString));
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Action == ReferralExport.AuditAction));
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
