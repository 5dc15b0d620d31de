using ReferralFlow.Core.Acting;
using System.Text.Json.Nodes;

namespace ReferralFlow.Tests.Cli;

public class ReferralCommandsTests
{
    [Fact]
    public async Task Start_prints_the_new_id_and_case_code()
    {
        await using var cli = CliRun.OnSqlite();

        var started = await cli.JsonAsync("referrals", "start", "--workflow", "transnational-return");

        Assert.True(Guid.TryParse(started["id"]!.GetValue<string>(), out _));
        Assert.Matches("^RF-[0-9]{4}-[23456789A-Z]{5}$", started["caseCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task Tasks_list_shows_the_intake_task_with_the_expected_outcome_first_and_a_due_time_from_now()
    {
        await using var cli = CliRun.OnSqlite();
        var (id, caseCode) = await cli.StartAsync(now: "2027-01-04T09:00:00Z");

        var task = Assert.Single((await cli.JsonAsync("tasks", "list")).AsArray())!;

        Assert.Equal(id, task["referralId"]!.GetValue<Guid>());
        Assert.Equal(caseCode, task["caseCode"]!.GetValue<string>());
        Assert.Equal("intake-identification", task["step"]!.GetValue<string>());
        Assert.Equal("caseworker", task["role"]!.GetValue<string>());
        Assert.StartsWith("Intake and identification", task["title"]!.GetValue<string>());
        Assert.Equal(["identified", "presumed-minor", "not-identified", "declined-assistance"],
            task["outcomes"]!.AsArray().Select(o => o!.GetValue<string>()));
        // Due within 48 hours of the pinned start.
        Assert.Equal(new DateTimeOffset(2027, 1, 6, 9, 0, 0, TimeSpan.Zero), task["dueAt"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task Completing_the_intake_task_moves_on_to_the_risk_assessment()
    {
        await using var cli = CliRun.OnSqlite();
        var (_, caseCode) = await cli.StartAsync();
        var intake = await cli.OpenTaskAsync(caseCode, "intake-identification");

        var result = await cli.RunAsync("tasks", "complete", intake["id"]!.GetValue<string>(), "--outcome", "identified",
            "--now", "2027-01-04T11:00:00Z", "--form", cli.FormFile("intake-identification"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"Completed 'intake-identification' of {caseCode} with 'identified'.", result.Out);
        var next = Assert.Single((await cli.JsonAsync("tasks", "list", "--referral", caseCode)).AsArray())!;
        Assert.Equal("risk-needs-assessment", next["step"]!.GetValue<string>());
    }

    [Fact]
    public async Task Show_gives_state_open_steps_and_history_by_guid_or_case_code()
    {
        await using var cli = CliRun.OnSqlite();
        var (id, caseCode) = await cli.StartAsync();
        var intake = await cli.OpenTaskAsync(caseCode, "intake-identification");
        await cli.JsonAsync("tasks", "complete", intake["id"]!.GetValue<string>(), "--outcome", "identified", "--form", cli.FormFile("intake-identification"));

        var show = await cli.JsonAsync("referrals", "show", caseCode.ToLowerInvariant());

        Assert.Equal(id, show["id"]!.GetValue<Guid>());
        Assert.Equal(caseCode, show["caseCode"]!.GetValue<string>());
        Assert.Equal("transnational-return", show["workflow"]!.GetValue<string>());
        Assert.Equal(3, show["version"]!.GetValue<int>());
        Assert.Equal("active", show["status"]!.GetValue<string>());
        Assert.Null(show["outcome"]);
        Assert.Null(show["parent"]);
        Assert.Empty(show["children"]!.AsArray());
        Assert.Empty(show["incidents"]!.AsArray());
        var open = Assert.Single(show["openSteps"]!.AsArray())!;
        Assert.Equal(("risk-needs-assessment", "task"), (open["step"]!.GetValue<string>(), open["kind"]!.GetValue<string>()));
        var history = show["history"]!.AsArray().Select(h => (Kind: h!["kind"]!.GetValue<string>(), Step: h["step"]?.GetValue<string>())).ToList();
        Assert.Equal(
            [("task-created", "intake-identification"), ("task-completed", "intake-identification"), ("task-created", "risk-needs-assessment")],
            history.Where(h => h.Kind.StartsWith("task-", StringComparison.Ordinal)));
        Assert.All(show["history"]!.AsArray(), h => Assert.NotNull(h!["at"]));

        var byGuid = await cli.RunAsync("referrals", "show", id.ToString());
        Assert.True(byGuid.ExitCode == 0, byGuid.ToString());
        Assert.StartsWith($"{caseCode}  transnational-return v3  active", byGuid.Out);
        Assert.Contains("History (UTC)", byGuid.Out);
    }

    [Fact]
    public async Task Now_pins_the_clock_and_a_worker_weeks_later_fires_reminders_and_escalations()
    {
        await using var cli = CliRun.OnSqlite();
        var (_, caseCode) = await cli.StartAsync(now: "2027-01-04T09:00:00Z");
        var beforeDue = await cli.JsonAsync("worker", "--once", "--now", "2027-01-05T09:00:00Z");
        Assert.Equal(0, beforeDue["fired"]!.GetValue<int>());

        var worker = await cli.RunAsync("worker", "--once", "--now", "2027-02-01T09:00:00Z");

        Assert.True(worker.ExitCode == 0, worker.ToString());
        Assert.Contains("fired 4 timers", worker.Out);
        Assert.Matches("[0-9]+ messages? waiting in the outbox", worker.Out);
        var history = (await cli.JsonAsync("referrals", "show", caseCode))["history"]!.AsArray();
        var fired = history.Where(h => h!["step"]?.GetValue<string>() == "intake-identification"
                && h["kind"]!.GetValue<string>() is "reminder" or "escalated")
            .Select(h => (h!["kind"]!.GetValue<string>(), h["detail"]?.GetValue<string>(), h["at"]!.GetValue<DateTimeOffset>()))
            .OrderBy(h => h.Item1).ThenBy(h => h.Item2).ToList();
        var at = new DateTimeOffset(2027, 2, 1, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal([("escalated", "coordinator", at), ("escalated", "focal-point", at), ("reminder", "caseworker", at)], fired);
    }

    [Fact]
    public async Task A_partner_answer_recorded_by_phone_resumes_the_referral()
    {
        await using var cli = CliRun.OnSqlite();
        var (_, caseCode) = await cli.StartAsync();
        await CompleteAsync(cli, caseCode, "intake-identification", "identified", "--form", cli.FormFile("intake-identification"));
        await CompleteAsync(cli, caseCode, "risk-needs-assessment", "assessed", "--form", cli.FormFile("risk-needs-assessment"));
        await CompleteAsync(cli, caseCode, "informed-choice", "return", "--form", cli.FormFile("informed-choice"));

        var handOff = Assert.Single((await cli.JsonAsync("handoffs", "list", "--referral", caseCode)).AsArray())!;
        Assert.Equal(("accept-referral", "receiving", "requested", "accepted"), (handOff["step"]!.GetValue<string>(),
            handOff["partner"]!.GetValue<string>(), handOff["status"]!.GetValue<string>(), handOff["outcomes"]![0]!.GetValue<string>()));
        Assert.NotNull(handOff["dueAt"]);

        var answer = await cli.RunAsync("handoffs", "answer", handOff["id"]!.GetValue<string>(), "--outcome", "accepted", "--channel", "phone");

        Assert.True(answer.ExitCode == 0, answer.ToString());
        // Accepted: the return is prepared, and the first thing asked is the consulate's travel documents.
        var open = Assert.Single((await cli.JsonAsync("handoffs", "list", "--referral", caseCode)).AsArray())!;
        Assert.Equal(("request-travel-documents", "consulate"), (open["step"]!.GetValue<string>(), open["partner"]!.GetValue<string>()));
        var answeredHandOff = (await cli.JsonAsync("handoffs", "list", "--all")).AsArray()
            .Single(h => h!["step"]!.GetValue<string>() == "accept-referral")!;
        Assert.Equal(("completed", "accepted", "phone"), (answeredHandOff["status"]!.GetValue<string>(),
            answeredHandOff["outcome"]!.GetValue<string>(), answeredHandOff["channel"]!.GetValue<string>()));
        var answered = (await cli.JsonAsync("referrals", "show", caseCode))["history"]!.AsArray()
            .Single(h => h!["kind"]!.GetValue<string>() == "handoff-answered")!;
        // The operator who recorded it, by operating-system user name.
        Assert.Equal(("accept-referral", "accepted (phone)", Environment.UserName),
            (answered["step"]!.GetValue<string>(), answered["detail"]!.GetValue<string>(), answered["actor"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Withdraw_closes_the_referral_and_its_open_tasks()
    {
        await using var cli = CliRun.OnSqlite();
        var (_, caseCode) = await cli.StartAsync();

        var withdraw = await cli.RunAsync("referrals", "withdraw", caseCode, "--reason", "person-declined");

        Assert.True(withdraw.ExitCode == 0, withdraw.ToString());
        Assert.Empty((await cli.JsonAsync("tasks", "list")).AsArray());
        Assert.Empty((await cli.JsonAsync("referrals", "list", "--status", "active")).AsArray());
        var withdrawn = Assert.Single((await cli.JsonAsync("referrals", "list", "--status", "withdrawn")).AsArray())!;
        Assert.Equal(caseCode, withdrawn["caseCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task Db_migrate_reports_what_it_applied_and_published_then_nothing()
    {
        await using var cli = CliRun.OnSqlite();

        var first = await cli.RunAsync("db", "migrate");
        var second = await cli.JsonAsync("db", "migrate");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains(first.OutLines, l => l.StartsWith("applied", StringComparison.Ordinal) && l.EndsWith("_Initial", StringComparison.Ordinal));
        Assert.Contains("published  transnational-return v3", first.OutLines);
        Assert.Empty(second["applied"]!.AsArray());
        Assert.Empty(second["published"]!.AsArray());
    }

    [Fact]
    public async Task Workflows_list_counts_active_referrals_per_version()
    {
        await using var cli = CliRun.OnSqlite();
        await cli.StartAsync();
        await cli.StartAsync();

        var workflows = (await cli.JsonAsync("workflows", "list")).AsArray();

        var transnational = workflows.Single(w => w!["id"]!.GetValue<string>() == "transnational-return")!;
        Assert.Equal((3, 2), (transnational["version"]!.GetValue<int>(), transnational["activeReferrals"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Handoffs_list_shows_the_request_e_mail_queued_until_the_worker_sends_it()
    {
        await using var cli = CliRun.OnSqlite();
        var (_, caseCode) = await cli.StartAsync("court-appearance");

        var handOff = Assert.Single((await cli.JsonAsync("handoffs", "list", "--referral", caseCode)).AsArray())!;

        var delivery = handOff["delivery"]!;
        Assert.Equal(("queued", 0), (delivery["status"]!.GetValue<string>(), delivery["attempts"]!.GetValue<int>()));
        Assert.NotNull(delivery["at"]);
        Assert.Null(delivery["lastError"]);
        var table = await cli.RunAsync("handoffs", "list");
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("DELIVERY", table.OutLines[0]);
        Assert.EndsWith("queued", table.OutLines.Single(l => l.Contains(caseCode, StringComparison.Ordinal)));
    }

    private static async Task CompleteAsync(CliRun cli, string caseCode, string step, string outcome, params string[] extra)
    {
        var task = await cli.OpenTaskAsync(caseCode, step);
        await cli.JsonAsync(["tasks", "complete", task["id"]!.GetValue<string>(), "--outcome", outcome, .. extra]);
    }
}
