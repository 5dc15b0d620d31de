using Microsoft.EntityFrameworkCore;
using ReferralFlow.Tests.People;

namespace ReferralFlow.Tests.Corridor;

/// <summary><c>referrals corridor</c>: a referral started with its origin unknown gets it later from the command line,
/// as a history line naming the operator; a bad code is refused with the field and nothing changes.</summary>
public class CorridorCliTests
{
    private static string UnknownOrigin => AtRest.IntakeJson().Replace(
        "\"corridor\": { \"origin\": \"RO\", \"transit\": [\"HU\", \"AT\"], \"destination\": \"DE\" }",
        "\"corridor\": { \"origin\": \"unknown\", \"destination\": \"DE\" }", StringComparison.Ordinal);

    [Fact]
    public async Task A_referral_started_with_an_unknown_origin_gets_it_later_with_a_history_line()
    {
        await using var intake = await IntakeCli.CreateAsync();
        Assert.Contains("\"unknown\"", UnknownOrigin);
        var caseCode = await intake.StartedAsync("transnational-return", UnknownOrigin);
        Assert.Contains((await intake.Cli.RunAsync("referrals", "show", caseCode)).OutLines, l => l.StartsWith("corridor") && l.EndsWith("? → DE"));

        var changed = await intake.Cli.RunAsync("referrals", "corridor", caseCode, "--origin", "RO", "--transit", "HU,AT");
        var json = await intake.Cli.JsonAsync("referrals", "corridor", caseCode, "--no-transit");

        Assert.True(changed.ExitCode == 0, changed.ToString());
        Assert.Equal($"{caseCode}: corridor ? → DE changed to RO → HU → AT → DE.", Assert.Single(changed.OutLines));
        Assert.Equal(("RO", 2, "RO"), (json["from"]!["origin"]!.GetValue<string>(), json["from"]!["transit"]!.AsArray().Count,
            json["to"]!["origin"]!.GetValue<string>()));
        Assert.Empty(json["to"]!["transit"]!.AsArray());
        var show = await intake.Cli.RunAsync("referrals", "show", caseCode);
        Assert.Contains(show.OutLines, l => l.StartsWith("corridor") && l.EndsWith("RO → DE"));
        Assert.Contains(show.OutLines, l => l.Contains("corridor-changed") && l.Contains("corridor: ? → DE changed to RO → HU → AT → DE")
            && l.EndsWith(Environment.UserName));
    }

    [Fact]
    public async Task A_bad_code_is_refused_naming_the_field_and_nothing_changes()
    {
        await using var intake = await IntakeCli.CreateAsync();
        var caseCode = await intake.StartedAsync("transnational-return", UnknownOrigin);
        var before = await intake.CreatedAsync();

        var refused = await intake.Cli.RunAsync("referrals", "corridor", caseCode, "--origin", "ro");
        var nothing = await intake.Cli.RunAsync("referrals", "corridor", caseCode);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("origin: is not an ISO 3166 alpha-2 country code: write 'RO'", refused.Err);
        Assert.Contains("Say what changes", nothing.Err);
        Assert.Equal(before, await intake.CreatedAsync());
        await using var db = intake.OpenDb();
        Assert.Null((await db.Referrals.SingleAsync()).OriginCountry);
    }
}
