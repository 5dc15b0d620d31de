using ReferralFlow.Cli.Commands;
using ReferralFlow.Core.Partners;
using ReferralFlow.Tests.Cli;

namespace ReferralFlow.Tests.Partners;

/// <summary><c>partners assign</c> says how many open requests followed the role, to whom, and who was told: only an
/// organisation the request had reached is.</summary>
public class AssignMovedRequestsCliTests
{
    [Fact]
    public async Task Assign_says_how_many_open_requests_moved_and_whether_the_earlier_organisation_was_told_in_text_and_json()
    {
        await using var cli = CliRun.OnSqlite();
        var directory = Path.Combine(cli.KeysFolder, "small.yaml");
        Directory.CreateDirectory(cli.KeysFolder);
        await File.WriteAllTextAsync(directory, Directories.Small);
        Assert.Equal(0, (await cli.RunAsync("partners", "import", directory)).ExitCode);
        var input = Path.Combine(cli.KeysFolder, "intake.json");
        await File.WriteAllTextAsync(input, """
            { "receivingOrganisation": "ro-shelter-b", "variables": { "court.hearingAt": "2027-03-01T09:00:00Z" } }
            """);
        var caseCode = (await cli.JsonAsync("referrals", "start", "--workflow", "court-appearance", "--input", input,
            "--now", "2027-01-04T09:00:00Z"))["caseCode"]!.GetValue<string>();
        // The hearing request waits for the person's consent to Shelter B, then reaches its intake.
        Assert.Equal(0, (await cli.RunAsync("consent", "record", caseCode, "--recipient", "ro-shelter-b", "--purpose", "testify",
            "--form", "written", "--given-by", "person", "--now", "2027-01-04T09:02:00Z")).ExitCode);
        Assert.Equal(1, (await cli.JsonAsync("worker", "--once", "--now", "2027-01-04T09:05:00Z"))["sent"]!.GetValue<int>());

        var toE = await cli.RunAsync("partners", "assign", caseCode, "--role", "receiving", "--organisation", "ro-shelter-e", "--now", "2027-01-04T10:00:00Z");
        // No consent covers Shelter E: the request is held again, for E, so E never received it and is not told when it moves on.
        var toA = await cli.JsonAsync("partners", "assign", caseCode, "--role", "receiving", "--organisation", "ro-shelter-a", "--now", "2027-01-04T11:00:00Z");
        var again = await cli.RunAsync("partners", "assign", caseCode, "--role", "receiving", "--organisation", "ro-shelter-a", "--now", "2027-01-04T12:00:00Z");

        Assert.True(toE.ExitCode == 0, toE.ToString());
        Assert.Equal("1 open request moved to Shelter E (ro-shelter-e); Shelter B (ro-shelter-b) was told.", toE.OutLines[^1]);
        var moved = Assert.Single(toA["moved"]!.AsArray())!;
        Assert.Equal((caseCode, "inform-person", "hearing-information", "ro-shelter-e", "ro-shelter-a", false),
            (moved["caseCode"]!.GetValue<string>(), moved["step"]!.GetValue<string>(), moved["request"]!.GetValue<string>(),
             moved["from"]!.GetValue<string>(), moved["to"]!.GetValue<string>(), moved["told"]!.GetValue<bool>()));
        // The role already had that organisation: nothing moved, and nothing is said about moving.
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.DoesNotContain(again.OutLines, l => l.Contains("moved", StringComparison.Ordinal));
    }

    [Fact]
    public void The_sentence_counts_the_requests_and_names_who_was_told_and_who_had_not_received_them()
    {
        var b = Organisation("ro-shelter-b", "Shelter B");
        var c = Organisation("ro-legal-c", "Legal C");
        var e = Organisation("ro-shelter-e", "Shelter E");

        var sentence = ReassignmentText.Moved(
        [
            new MovedRequest("RF-2027-TRK65", "inform-person", "hearing-information", b, e, FromTold: true),
            new MovedRequest("RF-2027-TRK65/2", "monitoring-visit", "monitoring-report", c, e, FromTold: false),
        ]);

        Assert.Equal("2 open requests moved to Shelter E (ro-shelter-e); Shelter B (ro-shelter-b) was told; " +
            "Legal C (ro-legal-c) had not received them and was not told.", sentence);
        Assert.Null(ReassignmentText.Moved([]));
    }

    private static Organisation Organisation(string key, string name) => new()
    {
        Id = Guid.NewGuid(), Key = key, Name = name, Kind = "ngo", Country = "RO",
    };
}
