using ReferralFlow.Core.Acting;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Arrival;
using ReferralFlow.Core.Replies;
using ReferralFlow.Engine.Execution;
using ReferralFlow.Tests.CaseRecords;
using ReferralFlow.Tests.Cli;
using ReferralFlow.Tests.People;
using ReferralFlow.Tests.Persistence;

namespace ReferralFlow.Tests.Replies;

/// <summary>What partners type on the reply page may name the person: a decline reason, the signs of a re-trafficking
/// risk, an arrival comment. None of it is readable in the database files; the CLI still shows it, each read audited.
/// Rows an older version stored in clear are encrypted on the next start.</summary>
public class ReplyAnswersAtRestTests
{
    private static readonly string[] Needles = [AtRest.Name, AtRest.Surname];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Typed_answers_are_not_at_rest_yet_arrival_show_monitoring_list_and_handoffs_show_read_them_with_an_audit_entry(string provider)
    {
        await using var h = await RecordsHarness.CreateAsync(provider, "reply_at_rest");
        var links = new ReplyLinks(new Uri("https://referrals.example.org/"), h.Runtime.Library, h.Runtime.Clock);
        var submission = new ReplySubmission(h.Runtime.Runtime, h.Runtime.Protector, h.Runtime.Clock);

        // An arrival confirmed through the reply page, with a comment naming the person.
        var returned = await h.StartAsync();
        await h.Runtime.Driver(TimeSpan.FromMinutes(1), "arrival-confirmation").RunAsync();
        Guid arrivalHandOff;
        DateTimeOffset arrivalAt;
        await using (var db = h.Open())
        {
            var referral = await db.Referrals.SingleAsync(r => r.Id == returned.Id);
            arrivalAt = DateTimeOffset.Parse(InstanceState.Deserialize(referral.StateJson).Variables[ArrivalRecord.ArrivalAtVariable]!.GetValue<string>(), CultureInfo.InvariantCulture);
            arrivalHandOff = (await db.HandOffs.SingleAsync(x => x.ReferralId == returned.Id && x.Request == ArrivalRecord.Request)).Id;
        }
        await h.AdvanceToAsync(arrivalAt.AddHours(1));
        Assert.IsType<ReplyResult.Recorded>(await submission.SubmitAsync(await TokenAsync(h, links, arrivalHandOff, "arrived-safely"), new Dictionary<string, string?>
        {
            ["arrivedAt"] = arrivalAt.AddMinutes(20).UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            ["place"] = "Otopeni airport", ["handedOverTo"] = "ADPARE shelter staff", ["comment"] = $"{AtRest.Name} was tired but well",
        }, default));

        // A monthly report flagging a risk, its details naming the person.
        var (monitoring, reportHandOff) = await h.MonitoringAwaitingReportAsync();
        Assert.IsType<ReplyResult.Recorded>(await submission.SubmitAsync(await TokenAsync(h, links, reportHandOff, "risk-flagged"), new Dictionary<string, string?>
        {
            ["reportDate"] = "2027-02-03", ["wellbeing"] = "serious-concerns", ["servicesReceived"] = "counselling",
            ["riskDetails"] = $"the recruiter asked the neighbours about {AtRest.Name}",
        }, default));

        // A receiving organisation declining, its reason naming the person.
        var declined = await ReplyCase.AtAcceptReferralAsync(h.Runtime.Runtime, links);
        Assert.IsType<ReplyResult.Recorded>(await submission.SubmitAsync(declined.Token("declined"),
            new Dictionary<string, string?> { ["reason"] = $"{AtRest.Name} stayed with us before and left; no place for her now" }, default));

        Assert.Empty(await FoundAtRestAsync(h, Needles));
        Assert.Equal([declined.CaseCode], await FoundAtRestAsync(h, declined.CaseCode));

        var arrival = await CliAsync(h, "arrival", "show", returned.CaseCode);
        Assert.Contains($"comment   {AtRest.Name} was tired but well", arrival.Out);
        Assert.Contains("handed to ADPARE shelter staff", arrival.Out);
        var reports = await CliAsync(h, "monitoring", "list", monitoring.CaseCode, "--details");
        Assert.Contains($"risk 2027-02-03 (reply-link): the recruiter asked the neighbours about {AtRest.Name}", reports.Out);
        Assert.Contains("counselling", reports.Out);
        var withoutDetails = await CliAsync(h, "monitoring", "list", monitoring.CaseCode);
        Assert.Contains("serious-concerns", withoutDetails.Out);
        Assert.DoesNotContain(AtRest.Surname, withoutDetails.Out);
        var handOff = await CliAsync(h, "handoffs", "show", declined.HandOffId.ToString(), "--answer");
        Assert.Contains("answer   declined on the reply page", handOff.Out);
        Assert.Contains($"reason: {AtRest.Name} stayed with us before", handOff.Out);
        Assert.DoesNotContain(AtRest.Surname, (await CliAsync(h, "handoffs", "show", declined.HandOffId.ToString())).Out);

        await using (var db = h.Open())
        {
            var audit = await db.AuditEntries.Where(e => e.Action.StartsWith("reply.") || e.Action == "monitoring-reports.read")
                .OrderBy(e => e.Sequence).Select(e => new { e.Action, e.ReferralId, e.Subject, e.Actor }).ToListAsync();
            Assert.Equal(["reply.recorded", "reply.recorded", "reply.recorded", "reply.read", "monitoring-reports.read", "reply.read"],
                audit.Select(e => e.Action));
            Assert.Equal([returned.Id, monitoring.Id, declined.ReferralId, returned.Id, monitoring.Id, declined.ReferralId],
                audit.Select(e => e.ReferralId!.Value));
            Assert.Equal([Environment.UserName, Environment.UserName, Environment.UserName], audit.Skip(3).Select(e => e.Actor));
            var answerIds = await db.ReplyAnswers.Select(a => a.Id).ToListAsync();
            Assert.All(audit.Where(e => e.Action != "monitoring-reports.read"), e => Assert.Contains(e.Subject, answerIds.Select(ReplyAnswerReads.Subject)));
        }
        // The reads left a trace, not the text.
        Assert.Empty(await FoundAtRestAsync(h, Needles));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_answer_an_older_version_stored_in_clear_is_encrypted_on_the_next_start_and_still_reads(string provider)
    {
        await using var h = await RecordsHarness.CreateAsync(provider, "reply_legacy");
        var links = new ReplyLinks(new Uri("https://referrals.example.org/"), h.Runtime.Library, h.Runtime.Clock);
        var declined = await ReplyCase.AtAcceptReferralAsync(h.Runtime.Runtime, links);
        Assert.IsType<ReplyResult.Recorded>(await new ReplySubmission(h.Runtime.Runtime, h.Runtime.Protector, h.Runtime.Clock)
            .SubmitAsync(declined.Token("declined"), new Dictionary<string, string?> { ["reason"] = "placeholder" }, default));
        // As the renamed column holds it after upgrading a database an older version wrote.
        var plain = $$"""{"reason":"{{AtRest.Name}} is known to us"}""";
        await using (var db = h.Open())
            await db.Database.ExecuteSqlAsync($"UPDATE reply_answers SET protected_answer = {plain}");

        var migrate = await CliAsync(h, "db", "migrate", "--now", "2027-01-10T08:00:00Z");
        Assert.Contains("encrypted  1 reply answer(s) an older version stored in clear", migrate.Out);

        await using (var db = h.Open())
        {
            var row = await db.ReplyAnswers.SingleAsync();
            Assert.DoesNotContain(AtRest.Surname, row.ProtectedAnswer);
            Assert.Equal(plain, row.Open(h.Runtime.Protector).ToJsonString());
            var entry = await db.AuditEntries.SingleAsync(e => e.Action == PlainAnswers.Protected);
            Assert.Equal((declined.ReferralId, ReplyAnswerReads.Subject(row.Id), "system", "startup"),
                (entry.ReferralId!.Value, entry.Subject, entry.Actor, entry.Source));
        }
        var shown = await CliAsync(h, "handoffs", "show", declined.HandOffId.ToString(), "--answer");
        Assert.Contains($"reason: {AtRest.Name} is known to us", shown.Out);
        // Once encrypted, later starts find nothing to do.
        Assert.DoesNotContain("encrypted", (await CliAsync(h, "db", "migrate")).Out);
    }

    private static async Task<CliResult> CliAsync(RecordsHarness h, params string[] args)
    {
        var result = await CliRun.WithoutDatabaseAsync([.. args, "--db", h.Runtime.Database.ConnectionString, "--keys", h.Runtime.KeysFolder]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    private static async Task<IReadOnlyList<string>> FoundAtRestAsync(RecordsHarness h, params string[] needles)
    {
        if (h.Runtime.Database.SqlitePath is { } path) return AtRest.FoundInSqlite(path, needles);
        var (found, tables) = await AtRest.FoundInPostgresAsync(h.Runtime.Database.ConnectionString, needles);
        Assert.True(tables >= 10, $"only {tables} tables scanned");
        return found;
    }

    private static async Task<string> TokenAsync(RecordsHarness h, ReplyLinks links, Guid handOffId, string outcome)
    {
        await using var db = h.Open();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var issued = await links.IssueAsync(db, handOffId, null, CancellationToken.None);
        await transaction.CommitAsync();
        var url = issued.Single(l => l.Outcome == outcome).Url;
        return url[(url.LastIndexOf('/') + 1)..];
    }
}
