using ReferralFlow.Tests.Cli;
using ReferralFlow.Tests.Infrastructure;

namespace ReferralFlow.Tests.Partners;

/// <summary>The receiving party a directory query assigns is the referral's receiving party in every view (issue 9 §1):
/// child-return driven through the CLI to the "not safe" branch, whose alternative placement finds its NGO by query.</summary>
public class ReceivingPartyTests
{
    [Fact]
    public async Task Referrals_show_names_the_receiving_organisation_the_directory_query_assigned()
    {
        await using var cli = CliRun.OnSqlite();
        using var folder = new TempDirectory("rf-receiving");
        Assert.Equal(0, (await cli.RunAsync("partners", "import", Directories.DemoPath)).ExitCode);
        var intake = folder.Combine("intake.json");
        await File.WriteAllTextAsync(intake, """{ "variables": { "return.country": "RO" } }""");
        var started = await cli.JsonAsync("referrals", "start", "--workflow", "child-return", "--input", intake);
        var caseCode = started["caseCode"]!.GetValue<string>();
        foreach (var (step, outcome) in new[]
                 {
                     ("intake-identification", "identified"), ("appoint-guardian", "guardian-appointed"),
                     ("risk-needs-assessment", "assessed"), ("hear-child-views", "views-recorded"),
                 })
        {
            var task = await cli.OpenTaskAsync(caseCode, step);
            string[] form = step is "appoint-guardian" ? [] : ["--form", cli.FormFile(step)];
            await cli.JsonAsync(["tasks", "complete", task["id"]!.GetValue<string>(), "--outcome", outcome, .. form]);
        }
        Assert.Null((await cli.JsonAsync("referrals", "show", caseCode))["parties"]!["receiving"]);
        var assessment = Assert.Single((await cli.JsonAsync("handoffs", "list", "--referral", caseCode)).AsArray())!;

        await cli.JsonAsync("handoffs", "answer", assessment["id"]!.GetValue<string>(), "--outcome", "not-safe", "--channel", "phone");

        var shown = await cli.JsonAsync("referrals", "show", caseCode);
        Assert.Contains(shown["history"]!.AsArray(), h => h!["detail"]?.GetValue<string>()?.StartsWith(
            "receiving: ADPARE (ro-adpare), found by the directory query", StringComparison.Ordinal) == true);
        Assert.Equal("ro-adpare", shown["parties"]!["receiving"]!["key"]!.GetValue<string>());
        var text = await cli.RunAsync("referrals", "show", caseCode);
        Assert.Contains(text.OutLines, l => l.StartsWith("receiving", StringComparison.Ordinal) && l.Contains("(ro-adpare)"));
    }
}
