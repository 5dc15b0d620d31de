using ReferralFlow.Core.Acting;
using System.Net;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Core.Tasks;
using static ReferralFlow.Tests.Web.FormPosts;

namespace ReferralFlow.Tests.Web;

public class PageTests
{
    [Fact]
    public async Task A_quick_button_does_not_complete_a_task_that_has_a_form()
    {
        await using var app = new WebApp();
        var client = app.CreateClient();
        var id = await ApiTests.StartAsync(client, "transnational-return");
        var url = $"/referrals/{id}";
        var page = await GetPageAsync(client, url);
        // A task with a form offers its form, not quick outcome buttons; a hand-made post of one is refused below.
        var taskId = Assert.Single(FormLinks(page));
        Assert.DoesNotContain("name=\"outcome\" value=\"identified\"", page, StringComparison.Ordinal);

        var response = await PostAsync(client, $"{url}?handler=Complete", page,
            ("taskId", taskId), ("outcome", "identified"), ("set:referral.source", "police"));

        // The intake task shows a form: the quick button is refused with a sentence, and nothing changes.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await response.Content.ReadAsStringAsync();
        Assert.Contains("completes with its form &#x27;intake&#x27; filled in", after);
        Assert.Contains("Nothing was changed.", after);
        await using var db = app.OpenDb();
        var intake = await db.Tasks.SingleAsync(t => t.Id == Guid.Parse(taskId));
        Assert.Equal(WorkTaskStatus.Open, intake.Status);
        Assert.DoesNotContain("\"referral.source\"", (await db.Referrals.SingleAsync()).StateJson);
    }

    [Fact]
    public async Task A_refused_answer_shows_its_reason_on_the_page_and_changes_nothing()
    {
        await using var app = new WebApp();
        var client = app.CreateClient();
        var id = await ApiTests.StartAsync(client, "transnational-return");
        var url = $"/referrals/{id}";
        var page = await GetPageAsync(client, url);
        var taskId = Assert.Single(FormLinks(page));

        var response = await PostAsync(client, $"{url}?handler=Complete", page,
            ("taskId", taskId), ("outcome", "identified"), ("set:referral.source", "neighbour"));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("role=\"alert\"", html);
        Assert.Contains("Nothing was changed.", html);
        Assert.Contains("&#x27;referral.source&#x27; must be one of police, ngo", html);
        await using var db = app.OpenDb();
        Assert.Equal(WorkTaskStatus.Open, (await db.Tasks.SingleAsync()).Status);
    }

    [Fact]
    public async Task A_partner_answer_received_by_phone_is_recorded_with_its_form()
    {
        await using var app = new WebApp();
        var client = app.CreateClient();
        var id = await ApiTests.StartAsync(client, "court-appearance");
        var url = $"/referrals/{id}";
        var page = await GetPageAsync(client, url);
        var handOffId = Assert.Single(HiddenValues(page, "handOffId"));

        var response = await PostAsync(client, $"{url}?handler=Answer", page,
            ("handOffId", handOffId), ("outcome", "informed"), ("channel", "phone"));

        Assert.Contains("recorded: Informed (phone)", await response.Content.ReadAsStringAsync());
        await using var db = app.OpenDb();
        var handOff = await db.HandOffs.SingleAsync();
        Assert.Equal(("informed", "phone", app.Caseworker.Email), (handOff.Outcome, handOff.Channel, handOff.AnsweredBy));
    }

    [Fact]
    public async Task Withdrawing_closes_the_referral_and_cancels_its_open_task()
    {
        await using var app = new WebApp();
        var client = app.CreateClient();
        var id = await ApiTests.StartAsync(client, "transnational-return");
        var url = $"/referrals/{id}";
        var page = await GetPageAsync(client, url);

        var refused = await PostAsync(client, $"{url}?handler=Withdraw", page);
        await using (var unchanged = app.OpenDb())
            Assert.Equal(ReferralStatus.Active, (await unchanged.Referrals.SingleAsync()).Status);
        var response = await PostAsync(client, $"{url}?handler=Withdraw", page, ("reason", "person-declined"));

        Assert.Contains("Give the reason for withdrawing", await refused.Content.ReadAsStringAsync());
        Assert.Contains("The referral was withdrawn", await response.Content.ReadAsStringAsync());
        await using var db = app.OpenDb();
        Assert.Equal(ReferralStatus.Withdrawn, (await db.Referrals.SingleAsync()).Status);
        Assert.Equal(WorkTaskStatus.Cancelled, (await db.Tasks.SingleAsync()).Status);
        Assert.Equal("person-declined", (await db.Set<Core.CaseEvents.CaseEvent>().SingleAsync()).Code);
    }

    [Fact]
    public async Task Retrying_an_incident_whose_cause_remains_says_so_and_keeps_it_open()
    {
        await using var app = new WebApp(demo: true);
        var client = await DemoSenderAsync(app);
        Guid id;
        await using (var db = app.OpenDb())
            id = (await db.Referrals.SingleAsync(r => r.OpenIncidents > 0)).Id;
        var url = $"/referrals/{id}";
        var page = await GetPageAsync(client, url);
        Assert.Contains("needs the date &#x27;travel.departureAt&#x27;", page);

        var response = await PostAsync(client, $"{url}?handler=Retry", page);

        Assert.Contains("failed again; see the incident", await response.Content.ReadAsStringAsync());
        await using var check = app.OpenDb();
        Assert.Equal(1, (await check.Referrals.SingleAsync(r => r.Id == id)).OpenIncidents);
        Assert.Contains("incident-retried", await check.History.Where(h => h.ReferralId == id).Select(h => h.Kind).ToListAsync());
    }

    [Fact]
    public async Task Starting_a_referral_with_the_home_page_form_opens_its_page()
    {
        await using var app = new WebApp();
        var client = app.CreateClient();
        var page = await GetPageAsync(client, "/");

        var response = await PostAsync(client, "/?handler=Start", page,
            ("Workflow", "court-appearance"), ("Input", """{"court.hearingAt": "2027-03-01", "person.isChild": false}"""));

        var html = await response.Content.ReadAsStringAsync();
        await using var db = app.OpenDb();
        var referral = await db.Referrals.SingleAsync();
        Assert.Equal($"/referrals/{referral.Id}", response.RequestMessage?.RequestUri?.AbsolutePath);
        Assert.Contains($"Referral {referral.CaseCode} started.", html);
        Assert.Contains("\"court.hearingAt\":\"2027-03-01", referral.StateJson);
    }

    [Fact]
    public async Task Starting_with_input_that_is_not_json_shows_the_problem_and_starts_nothing()
    {
        await using var app = new WebApp();
        var client = app.CreateClient();
        var page = await GetPageAsync(client, "/");

        var response = await PostAsync(client, "/?handler=Start", page, ("Workflow", "court-appearance"), ("Input", "{court"));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("The data is not valid JSON", html);
        Assert.Contains("{court</textarea>", html);
        await using var db = app.OpenDb();
        Assert.Equal(0, await db.Referrals.CountAsync());
    }

    [Fact]
    public async Task Posting_without_the_antiforgery_token_is_rejected()
    {
        await using var app = new WebApp();
        var client = app.CreateClient();
        var id = await ApiTests.StartAsync(client, "transnational-return");

        var response = await client.PostAsync($"/referrals/{id}?handler=Withdraw", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = app.OpenDb();
        Assert.Equal(ReferralStatus.Active, (await db.Referrals.SingleAsync()).Status);
    }

    [Fact]
    public async Task Work_lists_show_open_tasks_and_hand_offs_with_overdue_ones_marked()
    {
        await using var app = new WebApp(demo: true);
        var client = await DemoSenderAsync(app);

        var tasks = await GetPageAsync(client, "/tasks");
        var handOffs = await GetPageAsync(client, "/handoffs");

        Assert.Contains("Intake and identification", tasks);
        Assert.Contains("class=\"is-overdue\"", tasks);
        Assert.Contains("<strong>Overdue</strong>", tasks);
        Assert.Contains("ask the receiving organisation to accept it", handOffs);
        Assert.Contains("badge--active\">requested</span>", handOffs);
    }

    [Fact]
    public async Task Outgoing_mail_lists_a_queued_request_with_its_case_code_and_no_body()
    {
        await using var app = new WebApp();
        var client = app.CreateClient();
        await ApiTests.StartAsync(client, "court-appearance");
        await using var db = app.OpenDb();
        var caseCode = (await db.Referrals.SingleAsync()).CaseCode;
        var message = await db.OutboxMessages.SingleAsync();

        var page = await GetPageAsync(client, "/mail");

        Assert.Contains("<h1>Outgoing mail</h1>", page);
        Assert.Contains(caseCode, page);
        Assert.Contains(message.Template, page);
        Assert.Contains(">queued</span>", page);
        Assert.Contains("href=\"/mail\"", page);
        Assert.Contains("E-mail queued", await GetPageAsync(client, "/handoffs"));
        Assert.Contains("E-mail queued", await GetPageAsync(client, $"/referrals/{message.ReferralId}"));
    }

    [Fact]
    public async Task Outgoing_mail_counts_a_message_deliberately_not_sent_as_not_needed_not_as_failed()
    {
        await using var app = new WebApp();
        var client = app.CreateClient();
        await ApiTests.StartAsync(client, "court-appearance");
        await using (var db = app.OpenDb())
        {
            (await db.OutboxMessages.SingleAsync()).SetAside("not sent: the hand-off was answered before the message went out");
            await db.SaveChangesAsync();
        }

        var page = await GetPageAsync(client, "/mail");

        Assert.Contains(">not needed</span>", page);
        Assert.Contains("0 failed · 1 not needed", page);
        Assert.Contains("not sent: the hand-off was answered before the message went out", page);
    }

    /// <summary>A caseworker of the organisation that sent most demo referrals (the overdue intake, the held request and
    /// the incident among them): demo referrals belong to their sending organisation.</summary>
    private static async Task<HttpClient> DemoSenderAsync(WebApp app) =>
        (await TestStaff.MemberAsync(app, organisationKey: "de-koofra")).Client(app);
}
