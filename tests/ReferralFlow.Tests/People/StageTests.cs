using ReferralFlow.Core.Acting;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.History;
using ReferralFlow.Core.Referrals;

namespace ReferralFlow.Tests.People;

public class StageTests
{
    [Fact]
    public async Task Allowed_stage_changes_are_made_and_recorded_in_the_history()
    {
        await using var intake = await IntakeCli.CreateAsync();
        var (_, caseCode) = await intake.Cli.StartAsync();

        foreach (var stage in new[] { "assessment", "pre-departure", "assessment", "pre-departure", "travel", "pre-departure", "travel", "arrival", "monitoring" })
        {
            var moved = await intake.Cli.RunAsync("referrals", "stage", caseCode, stage);
            Assert.True(moved.ExitCode == 0, moved.ToString());
        }

        var show = await intake.Cli.JsonAsync("referrals", "show", caseCode);
        Assert.Equal("monitoring", show["stage"]!.GetValue<string>());
        await using var db = intake.OpenDb();
        var changes = await db.History.Where(h => h.Kind == ReferralStages.HistoryKind).OrderBy(h => h.Id).Select(h => h.Detail).ToListAsync();
        Assert.Equal(9, changes.Count);
        Assert.Equal("identification → assessment", changes[0]);
        Assert.Equal("travel → pre-departure", changes[5]);
        Assert.Equal("arrival → monitoring", changes[^1]);
    }

    [Fact]
    public async Task A_stage_change_practice_does_not_allow_is_refused_with_the_stages_it_can_go_to()
    {
        await using var intake = await IntakeCli.CreateAsync();
        var (id, caseCode) = await intake.Cli.StartAsync();

        var skip = await intake.Cli.RunAsync("referrals", "stage", caseCode, "travel");
        var close = await intake.Cli.RunAsync("referrals", "stage", caseCode, "closed");
        var same = await intake.Cli.RunAsync("referrals", "stage", caseCode, "identification");
        var typo = await intake.Cli.RunAsync("referrals", "stage", caseCode, "asessment");

        Assert.Equal($"error: Referral {caseCode} cannot go from stage identification to travel: from identification it can go to assessment.",
            Assert.Single(skip.ErrLines));
        Assert.Contains("reaches stage closed when its procedure ends or it is withdrawn", Assert.Single(close.ErrLines));
        Assert.Contains("is already at stage identification", Assert.Single(same.ErrLines));
        Assert.Equal("error: 'asessment' is not a stage; did you mean 'assessment'?", Assert.Single(typo.ErrLines));
        Assert.All(new[] { skip, close, same, typo }, r => Assert.Equal(1, r.ExitCode));
        await using var db = intake.OpenDb();
        Assert.Equal(ReferralStage.Identification, (await db.Referrals.SingleAsync(r => r.Id == id)).Stage);
        Assert.False(await db.History.AnyAsync(h => h.Kind == ReferralStages.HistoryKind));
    }

    [Fact]
    public async Task A_withdrawn_referral_is_closed_and_its_stage_no_longer_changes()
    {
        await using var intake = await IntakeCli.CreateAsync();
        var (_, caseCode) = await intake.Cli.StartAsync();
        await intake.Cli.RunAsync("referrals", "stage", caseCode, "assessment");

        await intake.Cli.RunAsync("referrals", "withdraw", caseCode, "--reason", "duplicate");
        var moved = await intake.Cli.RunAsync("referrals", "stage", caseCode, "pre-departure");

        Assert.Equal("closed", (await intake.Cli.JsonAsync("referrals", "show", caseCode))["stage"]!.GetValue<string>());
        Assert.Equal($"error: Referral {caseCode} is withdrawn: its stage no longer changes.", Assert.Single(moved.ErrLines));
    }
}
