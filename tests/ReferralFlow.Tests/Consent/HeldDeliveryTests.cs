using ReferralFlow.Tests.Cli;
using ReferralFlow.Tests.Infrastructure;
using ReferralFlow.Tests.Partners;
using ReferralFlow.Tests.Web;

namespace ReferralFlow.Tests.Consent;

/// <summary>A request the consent gate holds has no e-mail to show, so its delivery says why nothing went and since
/// when: "held: consent needed" — in <c>handoffs list</c> (text and JSON), <c>handoffs show</c> and on the web pages —
/// until a recorded consent releases it.</summary>
public class HeldDeliveryTests
{
    private const string HeldAt = "2027-01-05T10:30:00Z";
    private const string Sender = "de-koofra";

    [Fact]
    public async Task A_held_request_shows_held_consent_needed_since_when_in_the_cli_and_on_the_web_until_consent_releases_it()
    {
        using var file = new SqliteFile();
        using var keys = new TempDirectory("rf-keys");
        Task<CliResult> Run(params string[] args) => CliRun.WithoutDatabaseAsync([.. args, "--db", file.ConnectionString, "--keys", keys.Path]);
        async Task<CliResult> OkAsync(params string[] args)
        {
            var result = await Run(args);
            Assert.True(result.ExitCode == 0, result.ToString());
            return result;
        }

        await OkAsync("partners", "import", Directories.DemoPath);
        // Sent by an organisation, whose caseworkers see it on the web.
        var intake = keys.Combine("intake.json");
        await File.WriteAllTextAsync(intake, $$"""{ "sendingOrganisation": "{{Sender}}" }""");
        var caseCode = (await OkAsync("referrals", "start", "--workflow", "transnational-return", "--input", intake,
            "--now", "2027-01-04T09:00:00Z", "--json")).Json["caseCode"]!.GetValue<string>();
        await OkAsync("partners", "assign", caseCode, "--role", "receiving", "--organisation", "ro-adpare");
        foreach (var (step, outcome, data) in new[]
        {
            ("intake-identification", "identified", """{ "referral.source": "ngo" }"""),
            // risk.level comes from the assessment form's overall level.
            ("risk-needs-assessment", "assessed", "{}"),
            ("informed-choice", "return", "{}"),
        })
        {
            var task = (await OkAsync("tasks", "list", "--referral", caseCode, "--json")).Json.AsArray()
                .Single(t => t!["step"]!.GetValue<string>() == step)!;
            var dataFile = keys.Combine($"{step}.json");
            await File.WriteAllTextAsync(dataFile, data);
            await OkAsync("tasks", "complete", task["id"]!.GetValue<string>(), "--outcome", outcome, "--data", dataFile, "--form", CliRun.WriteForm(keys.Path, step), "--now", HeldAt);
        }

        var listed = (await OkAsync("handoffs", "list", "--referral", caseCode, "--json")).Json.AsArray()
            .Single(h => h!["step"]!.GetValue<string>() == "accept-referral")!;
        var handOffId = listed["id"]!.GetValue<string>();
        var delivery = listed["delivery"]!;
        Assert.Equal(("held", "consent needed", DateTimeOffset.Parse(HeldAt), 0),
            (delivery["status"]!.GetValue<string>(), delivery["reason"]!.GetValue<string>(), delivery["at"]!.GetValue<DateTimeOffset>(),
             delivery["attempts"]!.GetValue<int>()));
        const string Held = "held: consent needed since 2027-01-05 10:30";
        var row = (await OkAsync("handoffs", "list", "--referral", caseCode)).OutLines.Single(l => l.StartsWith(handOffId, StringComparison.Ordinal));
        Assert.EndsWith(Held, row);
        Assert.Contains($"e-mail   {Held}", (await OkAsync("handoffs", "show", handOffId)).Out);

        await using (var app = new WebApp(database: file))
        {
            var client = (await TestStaff.MemberAsync(app, organisationKey: Sender)).Client(app);
            const string Badge = "<span class=\"badge badge--warn\">E-mail held: consent needed</span> since 2027-01-05 10:30";
            Assert.Contains(Badge, await FormPosts.GetPageAsync(client, "/handoffs"));
            Assert.Contains(Badge, await FormPosts.GetPageAsync(client, $"/handoffs/{handOffId}"));
        }

        await OkAsync("consent", "record", caseCode, "--recipient", "ro-adpare", "--purpose", "refer", "--form", "written",
            "--given-by", "person", "--now", "2027-01-06T08:00:00Z");
        var released = (await OkAsync("handoffs", "list", "--referral", caseCode, "--json")).Json.AsArray()
            .Single(h => h!["id"]!.GetValue<string>() == handOffId)!;
        Assert.Equal("queued", released["delivery"]!["status"]!.GetValue<string>());
        Assert.DoesNotContain("held:", (await OkAsync("handoffs", "show", handOffId)).Out);
    }
}
