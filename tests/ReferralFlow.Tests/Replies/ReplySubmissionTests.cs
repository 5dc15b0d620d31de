using ReferralFlow.Core.Acting;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.Outbox;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Replies;
using ReferralFlow.Core.Runtime;
using ReferralFlow.Core.Tasks;
using ReferralFlow.Tests.Persistence;
using ReferralFlow.Tests.Runtime;

namespace ReferralFlow.Tests.Replies;

/// <summary>The reply use cases without the web host, on both databases: what must hold in one transaction.</summary>
public class ReplySubmissionTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Answering_through_a_link_records_resumes_spends_and_notifies_in_one_commit(string provider)
    {
        await using var harness = await RuntimeHarness.CreateAsync(provider, "reply_commit");
        var reply = await ReplyCase.AtAcceptReferralAsync(harness.Runtime, Links(harness));

        var opened = await new ReplyOpening(harness.Open, harness.Clock).OpenAsync(reply.Token("accepted"), CancellationToken.None);
        var recorded = await new ReplySubmission(harness.Runtime, harness.Protector, harness.Clock)
            .SubmitAsync(reply.Token("accepted"), Values(("contactPerson", "Duty officer")), CancellationToken.None);

        Assert.IsType<ReplyResult.Open>(opened);
        Assert.Equal(reply.CaseCode, Assert.IsType<ReplyResult.Recorded>(recorded).View.CaseCode);
        await using var db = harness.Open();
        Assert.Equal(HandOffStatus.Completed, (await db.HandOffs.SingleAsync(h => h.Id == reply.HandOffId)).Status);
        Assert.True(await db.Tasks.AnyAsync(t => t.ReferralId == reply.ReferralId && t.StepId == "book-travel" && t.Status == WorkTaskStatus.Open));
        Assert.Equal(3, await db.ReplyTokens.CountAsync(t => t.HandOffId == reply.HandOffId && t.UsedAt != null));
        var answer = await db.ReplyAnswers.SingleAsync();
        Assert.DoesNotContain("Duty officer", answer.ProtectedAnswer);
        Assert.Equal("""{"contactPerson":"Duty officer"}""", answer.Open(harness.Protector).ToJsonString());
        var recordedEntry = await db.AuditEntries.SingleAsync(e => e.Action == "reply.recorded");
        Assert.Equal((reply.ReferralId, $"reply answer {answer.Id:D}", "fields: contactPerson", "link"),
            (recordedEntry.ReferralId, recordedEntry.Subject, recordedEntry.Detail, recordedEntry.Source));
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.Kind == OutboxKinds.Notice && m.Template == "outcome-notice"));
        Assert.Equal(["handoff-answered", "handoff-received"], await db.History
            .Where(h => h.ReferralId == reply.ReferralId && h.StepId == "accept-referral" && h.Kind != "handoff-requested")
            .Select(h => h.Kind).OrderBy(k => k).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_commit_that_fails_leaves_no_trace_of_the_answer(string provider)
    {
        await using var harness = await RuntimeHarness.CreateAsync(provider, "reply_rollback");
        var reply = await ReplyCase.AtAcceptReferralAsync(harness.Runtime, Links(harness));
        var before = await reply.SnapshotAsync(harness.Open);
        var commits = new FailingCommits();
        var runtime = new ReferralRuntime(() => new ReferralFlowDb(
            new DbContextOptionsBuilder<ReferralFlowDb>(DatabaseProvider.Options(harness.Database.ConnectionString))
                .AddInterceptors(commits).Options), harness.Library, harness.Clock);
        var submission = new ReplySubmission(runtime, harness.Protector, harness.Clock);
        var values = Values(("reason", "No free places"));

        commits.Fail = true;
        await Assert.ThrowsAsync<IOException>(() => submission.SubmitAsync(reply.Token("declined"), values, CancellationToken.None));

        Assert.Equal(before, await reply.SnapshotAsync(harness.Open));
        commits.Fail = false;
        Assert.IsType<ReplyResult.Recorded>(await submission.SubmitAsync(reply.Token("declined"), values, CancellationToken.None));
    }

    /// <summary>The database goes away at the last moment: everything is written into the transaction, nothing commits.</summary>
    private sealed class FailingCommits : DbTransactionInterceptor
    {
        public bool Fail { get; set; }

        public override ValueTask<InterceptionResult> TransactionCommittingAsync(
            DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            Fail ? throw new IOException("connection lost at commit") : ValueTask.FromResult(result);
    }

    [Fact]
    public async Task A_request_answered_by_phone_leaves_its_links_nothing_to_do()
    {
        await using var harness = await RuntimeHarness.CreateAsync("sqlite", "reply_phone");
        var reply = await ReplyCase.AtAcceptReferralAsync(harness.Runtime, Links(harness));
        await harness.Runtime.AnswerHandOffAsync(reply.HandOffId, "declined", new Dictionary<string, System.Text.Json.Nodes.JsonNode?>(), Actor.Operator("caseworker"), "phone");
        var before = await reply.SnapshotAsync(harness.Open);

        var opened = await new ReplyOpening(harness.Open, harness.Clock).OpenAsync(reply.Token("accepted"), CancellationToken.None);
        var submitted = await new ReplySubmission(harness.Runtime, harness.Protector, harness.Clock)
            .SubmitAsync(reply.Token("accepted"), Values(("contactPerson", "Duty officer")), CancellationToken.None);

        Assert.IsType<ReplyResult.Closed>(opened);
        Assert.IsType<ReplyResult.Closed>(submitted);
        Assert.Equal(before, await reply.SnapshotAsync(harness.Open));
    }

    private static ReplyLinks Links(RuntimeHarness harness) =>
        new(new Uri("https://referrals.example.org/rf/"), harness.Library, harness.Clock);

    private static Dictionary<string, string?> Values(params (string Name, string Value)[] values) =>
        values.ToDictionary(v => v.Name, v => (string?)v.Value);
}
