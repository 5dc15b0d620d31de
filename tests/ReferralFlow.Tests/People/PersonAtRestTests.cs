using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Tests.Cli;
using ReferralFlow.Tests.Infrastructure;
using ReferralFlow.Tests.Partners;
using ReferralFlow.Tests.Persistence;

namespace ReferralFlow.Tests.People;

/// <summary>Issue 4 §1: the person's name and document number are nowhere in the database or the output — only behind
/// the audited read.</summary>
public class PersonAtRestTests
{
    private const string Now = "2027-01-04T09:00:00Z";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Name_and_document_number_are_not_at_rest_nor_in_any_output_but_the_audited_read_finds_them(string provider)
    {
        await using var cli = provider == "sqlite" ? CliRun.OnSqlite() : await CliRun.OnPostgresAsync("person_at_rest");
        using var folder = new TempDirectory("rf-intake");
        var intake = folder.Combine("intake.json");
        File.WriteAllText(intake, AtRest.IntakeJson());
        var outputs = new List<CliResult> { await cli.RunAsync("partners", "import", Directories.DemoPath) };

        var started = await cli.RunAsync("referrals", "start", "--workflow", "transnational-return", "--input", intake, "--now", Now, "--json");
        outputs.Add(started);
        Assert.True(started.ExitCode == 0, started.ToString());
        var caseCode = started.Json["caseCode"]!.GetValue<string>();
        outputs.Add(await cli.RunAsync("referrals", "start", "--workflow", "transnational-return", "--input", intake, "--now", Now));
        outputs.Add(await cli.RunAsync("referrals", "show", caseCode));
        outputs.Add(await cli.RunAsync("referrals", "show", caseCode, "--json"));
        outputs.Add(await cli.RunAsync("referrals", "list"));
        outputs.Add(await cli.RunAsync("tasks", "list", "--json"));
        Assert.All(outputs, o => Assert.True(o.ExitCode == 0, o.ToString()));
        Assert.Empty(AtRest.FoundIn(outputs.SelectMany(o => new[] { o.Out, o.Err })));

        Assert.Empty(await FoundAtRestAsync(cli));
        // The scan does see what is stored in clear: the case code, the corridor's transit list.
        Assert.Equal([caseCode, "[\"HU\",\"AT\"]"], await FoundAtRestAsync(cli, caseCode, "[\"HU\",\"AT\"]"));

        var read = await cli.RunAsync("referrals", "person", caseCode, "--now", "2027-01-05T10:00:00Z");
        Assert.True(read.ExitCode == 0, read.ToString());
        Assert.Contains(AtRest.Name, read.Out);
        Assert.Contains(AtRest.DocumentNumber, read.Out);
        Assert.Contains(AtRest.BirthDate, read.Out);

        await using var db = new ReferralFlowDb(DatabaseProvider.Options(cli.ConnectionString));
        var referral = await db.Referrals.SingleAsync(r => r.CaseCode == caseCode);
        var audit = await db.AuditEntries.Where(e => e.ReferralId == referral.Id).OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(["person.recorded", "person.read"], audit.Select(e => e.Action));
        Assert.Equal([Environment.UserName, Environment.UserName], audit.Select(e => e.Actor));
        Assert.Equal(new DateTimeOffset(2027, 1, 5, 10, 0, 0, TimeSpan.Zero), audit[1].At);
        // The read left a trace, not the data: the database still holds neither value.
        Assert.Empty(await FoundAtRestAsync(cli));
    }

    private static async Task<IReadOnlyList<string>> FoundAtRestAsync(CliRun cli, params string[] needles)
    {
        if (cli.SqlitePath is { } path) return AtRest.FoundInSqlite(path, needles);
        var (found, tables) = await AtRest.FoundInPostgresAsync(cli.ConnectionString, needles);
        Assert.True(tables >= 10, $"only {tables} tables scanned");
        return found;
    }
}
