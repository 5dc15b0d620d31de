using ReferralFlow.Core.Mail;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.Outbox;
using ReferralFlow.Core.Protection;
using ReferralFlow.Core.Tasks;
using ReferralFlow.Tests.Web;

namespace ReferralFlow.Tests.Replies;

public class ReplyPageTests
{
    [Fact]
    public async Task Opening_a_link_shows_the_request_and_marks_the_hand_off_received_once()
    {
        await using var app = ReplyApp.Start();
        var reply = await app.NewCaseAsync(contactId: Guid.NewGuid());

        var response = await app.Client.GetAsync(reply.Path("accepted"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(reply.CaseCode, html);
        Assert.Contains("Accept referral", html);
        Assert.Contains("2027-01-", html);
        // No sending organisation and no coordinator in the directory: the deployment's own mailbox is the contact.
        Assert.Contains(MailSettings.DefaultFrom.Split('<')[1].TrimEnd('>'), html);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        // Another link of the same request, opened later, is a second look, not a second receipt.
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync(reply.Path("accepted"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync(reply.Path("declined"))).StatusCode);
        await using var db = app.App.OpenDb();
        Assert.Equal(HandOffStatus.Received, (await db.HandOffs.SingleAsync(h => h.Id == reply.HandOffId)).Status);
        var received = await db.History.Where(h => h.ReferralId == reply.ReferralId && h.Kind == "handoff-received").ToListAsync();
        Assert.Equal(("accept-referral", "link"), (Assert.Single(received).StepId, received[0].Detail));
        Assert.StartsWith("contact:", received[0].Actor);
    }

    [Fact]
    public async Task Accepting_with_a_contact_person_completes_the_hand_off_advances_the_workflow_and_notifies_the_sender()
    {
        await using var app = ReplyApp.Start();
        var reply = await app.NewCaseAsync();
        var page = await FormPosts.GetPageAsync(app.Client, reply.Path("accepted"));

        var response = await FormPosts.PostAsync(app.Client, reply.Path("accepted"), page,
            ("contactPerson", "Ioana Marinescu-Testperson"), ("comment", "We can receive her next month."));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("is recorded and the sender has been told", await response.Content.ReadAsStringAsync());
        await using var db = app.App.OpenDb();
        var handOff = await db.HandOffs.SingleAsync(h => h.Id == reply.HandOffId);
        Assert.Equal((HandOffStatus.Completed, "accepted", HandOffChannels.Link), (handOff.Status, handOff.Outcome, handOff.Channel));
        // The workflow moved on: preparing the return asks the consulate for travel documents.
        Assert.True(await db.HandOffs.AnyAsync(h => h.ReferralId == reply.ReferralId && h.StepId == "request-travel-documents" && h.Status == HandOffStatus.Requested));
        Assert.True(await db.Tasks.AnyAsync(t => t.ReferralId == reply.ReferralId && t.StepId == "book-travel" && t.Status == WorkTaskStatus.Open));
        Assert.All(await db.ReplyTokens.Where(t => t.HandOffId == reply.HandOffId).ToListAsync(), t => Assert.NotNull(t.UsedAt));
        var notice = await db.OutboxMessages.SingleAsync(m => m.ReferralId == reply.ReferralId && m.Kind == OutboxKinds.Notice);
        Assert.Equal(("coordinator", "outcome-notice", reply.HandOffId), (notice.Recipient, notice.Template, notice.HandOffId));
        var answer = await db.ReplyAnswers.SingleAsync(a => a.HandOffId == reply.HandOffId);
        Assert.DoesNotContain("Marinescu", answer.ProtectedAnswer);
        Assert.Equal("Ioana Marinescu-Testperson", answer.Open(app.App.Services.GetRequiredService<PersonalDataProtector>())["contactPerson"]!.GetValue<string>());
        // What the partner typed stays with the answer: not in the workflow's variables, not in the history.
        var referral = await db.Referrals.SingleAsync(r => r.Id == reply.ReferralId);
        Assert.DoesNotContain("Marinescu", referral.StateJson);
        Assert.DoesNotContain(await db.History.Where(h => h.ReferralId == reply.ReferralId).ToListAsync(),
            h => $"{h.Detail} {h.Actor}".Contains("Marinescu"));
    }

    [Fact]
    public async Task Declining_without_a_reason_is_refused_with_a_message_and_changes_nothing()
    {
        await using var app = ReplyApp.Start();
        var reply = await app.NewCaseAsync();
        var page = await FormPosts.GetPageAsync(app.Client, reply.Path("declined"));
        var before = await app.SnapshotAsync(reply);

        var response = await FormPosts.PostAsync(app.Client, reply.Path("declined"), page, ("reason", "   "));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Give the reason for this answer", html);
        Assert.Contains("aria-invalid=\"true\"", html);
        Assert.Equal(before, await app.SnapshotAsync(reply));
    }

    [Fact]
    public async Task An_expired_link_is_gone_and_changes_nothing()
    {
        await using var app = ReplyApp.Start();
        var reply = await app.NewCaseAsync();
        var before = await app.SnapshotAsync(reply);
        // Ten business days to answer, then thirty days' grace.
        app.Clock.Advance(TimeSpan.FromDays(60));

        var response = await app.Client.GetAsync(reply.Path("accepted"));

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("expired", html);
        Assert.DoesNotContain(reply.CaseCode, html);
        Assert.Equal(before, await app.SnapshotAsync(reply));
    }

    [Fact]
    public async Task A_used_link_is_gone_and_a_second_answer_changes_nothing()
    {
        await using var app = ReplyApp.Start();
        var reply = await app.NewCaseAsync();
        var accept = await FormPosts.GetPageAsync(app.Client, reply.Path("accepted"));
        var decline = await FormPosts.GetPageAsync(app.Client, reply.Path("declined"));
        Assert.Equal(HttpStatusCode.OK,
            (await FormPosts.PostAsync(app.Client, reply.Path("accepted"), accept, ("contactPerson", "Desk officer"))).StatusCode);
        var after = await app.SnapshotAsync(reply);

        var again = await FormPosts.PostAsync(app.Client, reply.Path("accepted"), accept, ("contactPerson", "Desk officer"));
        var other = await FormPosts.PostAsync(app.Client, reply.Path("declined"), decline, ("reason", "Changed our mind"));
        var reopened = await app.Client.GetAsync(reply.Path("needs-information"));

        Assert.Equal((HttpStatusCode.Gone, HttpStatusCode.Gone, HttpStatusCode.Gone), (again.StatusCode, other.StatusCode, reopened.StatusCode));
        var html = await other.Content.ReadAsStringAsync();
        Assert.Contains("already recorded", html);
        Assert.Contains("Nothing was changed", html);
        Assert.DoesNotContain(reply.CaseCode, html);
        Assert.Equal(after, await app.SnapshotAsync(reply));
    }

    [Fact]
    public async Task A_tampered_token_is_not_found_and_reveals_nothing()
    {
        await using var app = ReplyApp.Start();
        var reply = await app.NewCaseAsync();
        var before = await app.SnapshotAsync(reply);
        var token = reply.Token("accepted");
        var tampered = token[..10] + (token[10] == 'A' ? 'B' : 'A') + token[11..];

        var opened = await app.Client.GetAsync($"/reply/{tampered}");
        var posted = await app.Client.PostAsync($"/reply/{tampered}", new FormUrlEncodedContent([KeyValuePair.Create("contactPerson", "x")]));
        var garbage = await app.Client.GetAsync("/reply/not-a-token");

        Assert.Equal(HttpStatusCode.NotFound, opened.StatusCode);
        Assert.Contains("not known", await opened.Content.ReadAsStringAsync());
        Assert.DoesNotContain(reply.CaseCode, await opened.Content.ReadAsStringAsync());
        // Without the page's antiforgery token a post is refused before it is looked at; either way nothing happens.
        Assert.True(posted.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, posted.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.NotFound, garbage.StatusCode);
        Assert.Equal(before, await app.SnapshotAsync(reply));
    }

    [Fact]
    public async Task A_link_only_ever_answers_the_hand_off_it_was_issued_for()
    {
        await using var app = ReplyApp.Start();
        var first = await app.NewCaseAsync();
        var second = await app.NewCaseAsync();
        var secondBefore = await app.SnapshotAsync(second);
        var page = await FormPosts.GetPageAsync(app.Client, first.Path("declined"));

        // The URL carries only the token; ids or answers slipped into the form are not read.
        var response = await FormPosts.PostAsync(app.Client, first.Path("declined"), page,
            ("reason", "No free places"), ("handOffId", second.HandOffId.ToString()), ("outcome", "accepted"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = app.App.OpenDb();
        var answered = await db.HandOffs.SingleAsync(h => h.Id == first.HandOffId);
        Assert.Equal((HandOffStatus.Rejected, "declined"), (answered.Status, answered.Outcome));
        Assert.Equal(secondBefore, await app.SnapshotAsync(second));
        Assert.Equal(HandOffStatus.Requested, (await db.HandOffs.SingleAsync(h => h.Id == second.HandOffId)).Status);
    }
}
