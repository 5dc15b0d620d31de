using ReferralFlow.Tests.Cli;

namespace ReferralFlow.Tests.CaseEvents;

/// <summary>The case events on the command line: codes from closed lists (a missing or unknown one refused, nothing
/// changed), and <c>referrals show</c> telling that the case is suspended and listing its events.</summary>
public class CaseEventCliTests
{
    [Fact]
    public async Task Withdraw_needs_a_reason_from_the_list_and_a_refusal_changes_nothing()
    {
        await using var cli = CliRun.OnSqlite();
        var (_, caseCode) = await cli.StartAsync();

        var none = await cli.RunAsync("referrals", "withdraw", caseCode);
        var unknown = await cli.RunAsync("referrals", "withdraw", caseCode, "--reason", "she changed her mind");

        Assert.Equal(2, none.ExitCode);
        Assert.Contains("--reason", none.Err);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Equal("error: The reason for withdrawing (--reason) is not one of the list: use one of person-declined, consent-withdrawn, " +
            "not-eligible, duplicate, recorded-in-error, transferred-elsewhere, other; nothing was changed.", Assert.Single(unknown.ErrLines));
        var show = await cli.JsonAsync("referrals", "show", caseCode);
        Assert.Equal("active", show["status"]!.GetValue<string>());
        Assert.Empty(show["case"]!["events"]!.AsArray());
    }

    [Fact]
    public async Task Suspend_missing_resume_leave_and_contact_are_recorded_and_shown()
    {
        await using var cli = CliRun.OnSqlite();
        var (_, caseCode) = await cli.StartAsync();

        var suspended = await cli.RunAsync("referrals", "suspend", caseCode, "--reason", "in-hospital", "--now", "2027-01-04T10:00:00Z");
        var shown = await cli.RunAsync("referrals", "show", caseCode, "--now", "2027-01-05T10:00:00Z");
        var missing = await cli.RunAsync("referrals", "missing", caseCode, "--kind", "absconded", "--now", "2027-01-05T10:00:00Z");
        var resumed = await cli.RunAsync("referrals", "resume", caseCode, "--now", "2027-01-06T10:00:00Z");
        var early = await cli.RunAsync("referrals", "contact", caseCode, "--on", "2027-01-06", "--channel", "phone", "--kind", "check-in", "--now", "2027-01-06T11:00:00Z");
        var left = await cli.RunAsync("referrals", "leave", caseCode, "--reason", "lost-contact", "--now", "2027-01-07T10:00:00Z");
        var contact = await cli.RunAsync("referrals", "contact", caseCode, "--on", "2027-02-01", "--channel", "phone", "--kind", "check-in", "--now", "2027-02-02T10:00:00Z");

        Assert.True(suspended.ExitCode == 0, suspended.ToString());
        Assert.Equal($"{caseCode}: suspended (in-hospital).", suspended.Out.Trim());
        Assert.Contains("suspended since 2027-01-04 10:00 (in-hospital): timers paused, tasks wait", shown.OutLines);
        Assert.Contains("Case events (UTC)", shown.OutLines);
        Assert.Equal($"{caseCode}: recorded the person as absconded; the referral was already suspended.", missing.Out.Trim());
        Assert.StartsWith($"{caseCode}: resumed;", resumed.Out.Trim());
        Assert.Equal(1, early.ExitCode);
        Assert.Contains("is active: a contact after closing", early.Err);
        Assert.Equal($"{caseCode}: closed: the person left the programme (lost-contact).", left.Out.Trim());
        Assert.True(contact.ExitCode == 0, contact.ToString());
        var show = await cli.JsonAsync("referrals", "show", caseCode);
        Assert.Equal(("withdrawn", "left-programme"), (show["status"]!.GetValue<string>(), show["outcome"]!.GetValue<string>()));
        Assert.Equal(["suspended", "missing", "resumed", "left-programme", "contact-after-closing"],
            show["case"]!["events"]!.AsArray().Select(e => e!["kind"]!.GetValue<string>()));
        Assert.Null(show["case"]!["suspended"]);
    }
}
