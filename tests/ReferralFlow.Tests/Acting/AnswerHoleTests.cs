using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core;
using ReferralFlow.Core.Acting;
using ReferralFlow.Core.Consent;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.Replies;
using ReferralFlow.Core.Tasks;
using ReferralFlow.Tests.Consent;
using ReferralFlow.Tests.Runtime;
using ReferralFlow.Tests.Web;

namespace ReferralFlow.Tests.Acting;

/// <summary>Issue 8 §4: only the reply page answers as the partner; a held request is answered by nobody; a task with a
/// form completes only with it.</summary>
public class AnswerHoleTests
{
    private static readonly Dictionary<string, JsonNode?> NoData = [];

    [Fact]
    public async Task Staff_cannot_record_an_answer_through_the_link_channel_and_nothing_is_recorded()
    {
        await using var harness = await RuntimeHarness.CreateAsync("sqlite", "hole_link");
        var started = await harness.Runtime.StartAsync("court-appearance", NoData, Actor.Operator("ana"));
        Guid handOffId;
        await using (var db = harness.Open())
            handOffId = (await db.HandOffs.SingleAsync(h => h.ReferralId == started.Id)).Id;

        var refused = await Assert.ThrowsAsync<ReferralFlowException>(() =>
            harness.Runtime.AnswerHandOffAsync(handOffId, "informed", NoData, Actor.Operator("ana"), HandOffChannels.Link));

        Assert.StartsWith("The link channel is the partner's own, through the reply page", refused.Message);
        await using var check = harness.Open();
        Assert.True((await check.HandOffs.SingleAsync(h => h.Id == handOffId)).IsOpen);
        Assert.False(await check.HandOffEvents.AnyAsync(e => e.HandOffId == handOffId && e.Change == HandOffChanges.Answered));
    }

    [Fact]
    public async Task The_api_refuses_the_link_channel_with_400_and_a_sentence()
    {
        await using var app = new WebApp();
        var client = app.CreateClient();
        var id = await ApiTests.StartAsync(client, "court-appearance");
        Guid handOffId;
        await using (var db = app.OpenDb())
            handOffId = (await db.HandOffs.SingleAsync(h => h.ReferralId == id)).Id;

        var response = await client.PostAsJsonAsync($"/api/handoffs/{handOffId}/answer", new { outcome = "informed", channel = "link" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("reply page", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        await using var after = app.OpenDb();
        Assert.True((await after.HandOffs.SingleAsync(h => h.Id == handOffId)).IsOpen);
    }

    [Fact]
    public async Task A_request_held_by_the_consent_gate_cannot_be_answered_by_staff_nor_by_a_reply_link()
    {
        await using var harness = await ConsentHarness.CreateAsync("sqlite", "hole_held");
        var referral = await harness.StartAsync();
        await harness.ReachRequestAsync(referral.Id);
        Guid handOffId;
        await using (var db = harness.Runtime.Open())
            handOffId = (await db.HeldRequests.SingleAsync()).HandOffId;

        var byPhone = await Assert.ThrowsAsync<ConsentNeededException>(() =>
            harness.Runtime.Runtime.AnswerHandOffAsync(handOffId, "accepted", NoData, Actor.Operator("ana"), HandOffChannels.Phone));
        Assert.StartsWith("Consent is needed first", byPhone.Message);

        var links = new ReplyLinks(new Uri("https://referrals.example.org/"), harness.Runtime.Library, harness.Runtime.Clock);
        string token;
        await using (var db = harness.Runtime.Open())
        {
            var issued = await links.IssueAsync(db, handOffId, null, CancellationToken.None);
            var url = issued.Single(l => l.Outcome == "accepted").Url;
            token = url[(url.LastIndexOf('/') + 1)..];
        }
        var submission = new ReplySubmission(harness.Runtime.Runtime, harness.Runtime.Protector, harness.Runtime.Clock);
        var byLink = await submission.SubmitAsync(token, new Dictionary<string, string?>(), CancellationToken.None);

        Assert.IsType<ReplyResult.ConsentNeeded>(byLink);
        await using var check = harness.Runtime.Open();
        Assert.Equal(HandOffStatus.Requested, (await check.HandOffs.SingleAsync(h => h.Id == handOffId)).Status);
        Assert.False(await check.ReplyAnswers.AnyAsync());
        Assert.Equal(HeldRequestStatus.Held, (await check.HeldRequests.SingleAsync()).Status);
    }

    [Fact]
    public async Task A_task_with_a_form_is_not_completed_without_it()
    {
        await using var harness = await RuntimeHarness.CreateAsync("sqlite", "hole_form");
        var started = await harness.Runtime.StartAsync("transnational-return", NoData, Actor.Operator("ana"));
        Guid taskId;
        await using (var db = harness.Open())
            taskId = (await db.Tasks.SingleAsync(t => t.ReferralId == started.Id && t.Status == WorkTaskStatus.Open)).Id;

        var refused = await Assert.ThrowsAsync<ReferralFlowException>(() => harness.Runtime.CompleteTaskAsync(taskId, "identified",
            new Dictionary<string, JsonNode?> { ["referral.source"] = "ngo" }, Actor.Operator("ana")));

        Assert.Contains("completes with its form 'intake' filled in", refused.Message);
        await using var check = harness.Open();
        Assert.Equal(WorkTaskStatus.Open, (await check.Tasks.SingleAsync(t => t.Id == taskId)).Status);
    }

    [Fact]
    public async Task The_api_refuses_to_complete_a_task_with_a_form_without_one_and_accepts_a_valid_form()
    {
        await using var app = new WebApp();
        var client = app.CreateClient();
        var id = await ApiTests.StartAsync(client, "transnational-return");
        Guid taskId;
        await using (var db = app.OpenDb())
            taskId = (await db.Tasks.SingleAsync(t => t.ReferralId == id)).Id;

        var bare = await client.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "identified" });
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        var invalid = await client.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "identified", form = new { source = "neighbour" } });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        await using (var db = app.OpenDb())
            Assert.Equal(WorkTaskStatus.Open, (await db.Tasks.SingleAsync(t => t.Id == taskId)).Status);

        var valid = await client.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "identified", form = new { source = "ngo" } });

        Assert.Equal(HttpStatusCode.NoContent, valid.StatusCode);
        await using var after = app.OpenDb();
        Assert.Equal(WorkTaskStatus.Completed, (await after.Tasks.SingleAsync(t => t.Id == taskId)).Status);
        Assert.True(await after.FormSubmissions.AnyAsync(s => s.TaskId == taskId));
    }
}
