using ReferralFlow.Core.Acting;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Tests.Cli;
using ReferralFlow.Tests.Infrastructure;
using ReferralFlow.Tests.Partners;

namespace ReferralFlow.Tests.Consent;

/// <summary><c>referralflow consent record | list | withdraw</c> on the shipped transnational return and the demo directory.</summary>
public class ConsentCliTests
{
    [Fact]
    public async Task A_held_request_shows_in_the_task_list_and_goes_out_once_consent_is_recorded_then_withdrawal_cancels_it()
    {
        await using var cli = CliRun.OnSqlite();
        var caseCode = await AtHeldRequestAsync(cli);

        var tasks = await cli.RunAsync("tasks", "list", "--referral", caseCode);
        Assert.Contains("Consent needed before 'accept-referral' goes to ADPARE (ro-adpare): no consent for 'refer' is recorded", tasks.Out);
        Assert.Contains($"consent record {caseCode} --recipient ro-adpare --purpose refer", tasks.Out);

        var recorded = await cli.RunAsync("consent", "record", caseCode, "--recipient", "ro-adpare", "--purpose", "refer",
            "--form", "written", "--given-by", "person", "--expires", "2027-12-31");
        Assert.True(recorded.ExitCode == 0, recorded.ToString());
        Assert.Matches($"^Recorded consent [0-9a-f-]{{36}} of {caseCode}: 'refer' to ADPARE \\(ro-adpare\\); 1 held request released for delivery\\.$", recorded.Out.Trim());
        Assert.DoesNotContain("Consent needed", (await cli.RunAsync("tasks", "list", "--referral", caseCode)).Out);

        var listed = Assert.Single((await cli.JsonAsync("consent", "list", caseCode)).AsArray())!;
        Assert.Equal(("ro-adpare", "refer", "written", "person", "valid", "2027-12-31"),
            (listed["recipient"]!.GetValue<string>(), listed["purpose"]!.GetValue<string>(), listed["form"]!.GetValue<string>(),
             listed["givenBy"]!.GetValue<string>(), listed["status"]!.GetValue<string>(), listed["expiresOn"]!.GetValue<string>()));
        var consentId = listed["id"]!.GetValue<string>();
        Assert.Contains("ro-adpare", (await cli.RunAsync("consent", "list", caseCode)).Out);

        var withdrawn = await cli.RunAsync("consent", "withdraw", consentId, "--reason", "changed-mind");
        Assert.True(withdrawn.ExitCode == 0, withdrawn.ToString());
        Assert.Equal($"Withdrew consent {consentId} of {caseCode} ('refer' to ADPARE (ro-adpare)); 1 open request cancelled " +
            "(see the incidents: 'referralflow referrals show'); the organisation is told.", withdrawn.Out.Trim());
        var shown = await cli.JsonAsync("referrals", "show", caseCode);
        Assert.Contains("was withdrawn (changed-mind)", shown["incidents"]!.AsArray().Single()!["message"]!.GetValue<string>());
        Assert.Equal("withdrawn (changed-mind)", (await cli.RunAsync("consent", "list", caseCode)).OutLines[1].Split("  ", StringSplitOptions.RemoveEmptyEntries)[^1].Trim());
    }

    [Fact]
    public async Task A_coordinator_named_at_the_command_line_shares_on_vital_interests_and_the_case_shows_it()
    {
        await using var cli = CliRun.OnSqlite();
        var caseCode = await AtHeldRequestAsync(cli);
        Assert.Equal(0, (await cli.RunAsync("users", "add", "--email", "coord@koofra.example.org", "--name", "Test Coordinator",
            "--organisation", "de-koofra", "--role", "coordinator")).ExitCode);

        var unknownUser = await cli.RunAsync("consent", "vital-interests", caseCode, "--recipient", "ro-adpare", "--purpose", "refer",
            "--reason", "medical-emergency", "--coordinator", "nobody@koofra.example.org");
        var decided = await cli.RunAsync("consent", "vital-interests", caseCode, "--recipient", "ro-adpare", "--purpose", "refer",
            "--reason", "medical-emergency", "--coordinator", "Coord@koofra.example.org");

        Assert.Equal((1, "error: No user with the e-mail address 'nobody@koofra.example.org'; list them with 'referralflow users list'."),
            (unknownUser.ExitCode, unknownUser.Err.Trim()));
        Assert.True(decided.ExitCode == 0, decided.ToString());
        Assert.Contains("'refer' to ADPARE (ro-adpare); 1 held request released for delivery. Record the person's own consent", decided.Out);
        var shown = await cli.RunAsync("referrals", "show", caseCode);
        Assert.Contains("Shared without consent, on vital interests", shown.Out);
        Assert.Contains("'refer' to ADPARE (ro-adpare) since", shown.Out);
        Assert.Contains("vital-interests (medical-emergency)", (await cli.RunAsync("consent", "list", caseCode)).Out);
    }

    [Theory]
    [InlineData("--purpose", "refr", "error: Consent not recorded: --purpose 'refr' is not known; did you mean 'refer'?")]
    [InlineData("--expires", "31/12/2027", "error: --expires '31/12/2027' is not a date: write it as yyyy-mm-dd, e.g. 2027-03-31.")]
    [InlineData("--recipient", "ro-adpar", "error: No organisation 'ro-adpar' in the directory; did you mean 'ro-adpare'?")]
    public async Task Bad_input_is_one_line_exit_1_and_changes_nothing(string option, string value, string expected)
    {
        await using var cli = CliRun.OnSqlite();
        await cli.RunAsync("partners", "import", Directories.DemoPath);
        var (_, caseCode) = await cli.StartAsync();
        var before = await cli.SnapshotAsync();
        var args = new Dictionary<string, string>
        {
            ["--recipient"] = "ro-adpare", ["--purpose"] = "refer", ["--form"] = "written", ["--given-by"] = "person",
        };
        args[option] = value;

        var result = await cli.RunAsync(["consent", "record", caseCode, .. args.SelectMany(a => new[] { a.Key, a.Value })]);

        Assert.Equal((1, expected), (result.ExitCode, result.Err.Trim()));
        Assert.Single(result.ErrLines);
        Assert.Equal(before, await cli.SnapshotAsync());
        await using var db = new ReferralFlowDb(DatabaseProvider.Options(cli.ConnectionString));
        Assert.Equal(0, await db.Consents.CountAsync());
    }

    [Fact]
    public async Task A_child_returns_consent_by_the_child_alone_is_refused_and_withdrawing_needs_a_known_reason()
    {
        await using var cli = CliRun.OnSqlite();
        await cli.RunAsync("partners", "import", Directories.DemoPath);
        var (_, caseCode) = await cli.StartAsync("child-return");

        var refused = await cli.RunAsync("consent", "record", caseCode, "--recipient", "ro-adpare", "--purpose", "return",
            "--form", "verbal", "--given-by", "person");
        var cosigned = await cli.JsonAsync("consent", "record", caseCode, "--recipient", "ro-adpare", "--purpose", "return",
            "--form", "written", "--given-by", "person", "--guardian-cosigned");
        var badReason = await cli.RunAsync("consent", "withdraw", cosigned["id"]!.GetValue<string>(), "--reason", "changed mind");
        var notAnId = await cli.RunAsync("consent", "withdraw", "RF-2027-ZZZZZ", "--reason", "changed-mind");

        Assert.Equal(1, refused.ExitCode);
        Assert.Single(refused.ErrLines);
        Assert.StartsWith($"error: Referral {caseCode} concerns a child: a consent given by the person needs the guardian's co-signature", refused.Err);
        Assert.Equal(0, cosigned["released"]!.GetValue<int>());
        Assert.Equal((1, "error: Consent not withdrawn: --reason 'changed mind' is not known; did you mean 'changed-mind'?"), (badReason.ExitCode, badReason.Err.Trim()));
        Assert.Equal(1, notAnId.ExitCode);
        Assert.Contains("is not a consent id", notAnId.Err);
        Assert.Equal("valid", (await cli.JsonAsync("consent", "list", caseCode)).AsArray().Single()!["status"]!.GetValue<string>());
    }

    /// <summary>The shipped transnational return with ADPARE receiving, driven to its accept-referral request, which the
    /// gate holds for lack of consent.</summary>
    private static async Task<string> AtHeldRequestAsync(CliRun cli)
    {
        await cli.RunAsync("partners", "import", Directories.DemoPath);
        var (_, caseCode) = await cli.StartAsync();
        Assert.Equal(0, (await cli.RunAsync("partners", "assign", caseCode, "--role", "receiving", "--organisation", "ro-adpare")).ExitCode);
        await CompleteAsync(cli, caseCode, "intake-identification", "identified", """{ "referral.source": "ngo" }""");
        // risk.level comes from the assessment form's overall level.
        await CompleteAsync(cli, caseCode, "risk-needs-assessment", "assessed", null);
        await CompleteAsync(cli, caseCode, "informed-choice", "return", null);
        return caseCode;
    }

    private static async Task CompleteAsync(CliRun cli, string caseCode, string step, string outcome, string? data)
    {
        var task = await cli.OpenTaskAsync(caseCode, step);
        using var folder = new TempDirectory();
        string[] args = ["tasks", "complete", task["id"]!.GetValue<string>(), "--outcome", outcome, "--form", cli.FormFile(step)];
        if (data is not null)
        {
            await File.WriteAllTextAsync(folder.Combine("data.json"), data);
            args = [.. args, "--data", folder.Combine("data.json")];
        }
        var result = await cli.RunAsync(args);
        Assert.True(result.ExitCode == 0, result.ToString());
    }
}
