using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Acting;
using ReferralFlow.Core.Queries;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Core.Runtime;
using ReferralFlow.Tests.Cli;
using ReferralFlow.Tests.Infrastructure;
using ReferralFlow.Tests.Runtime;

namespace ReferralFlow.Tests.CaseCodes;

/// <summary>One case, one code (issue 9 §4): a sub-procedure carries the code of the procedure it follows; a suffix
/// (/2, /3 …) only on one that runs alongside another procedure of the case; histories and <c>referrals show</c> link
/// parent and child both ways.</summary>
public class CaseCodeTests
{
    [Fact]
    public async Task A_sub_procedure_its_parent_only_waits_for_carries_the_parents_code_and_both_histories_name_the_other()
    {
        using var folder = CaseProcedures.Folder();
        await using var h = await RuntimeHarness.CreateAsync("sqlite", "case_code_waits", folder.Path);
        var parent = await StartAsync(h, "waits");

        var child = await ChildAsync(h, parent.Id);
        Assert.Equal((parent.CaseCode, 2), (child.CaseCode, child.CasePart));
        await using (var db = h.Open())
        {
            var down = await db.History.SingleAsync(e => e.ReferralId == parent.Id && e.Kind == ReferralLinks.ChildStarted);
            Assert.Equal("follow", down.StepId);
            Assert.Equal($"follow-up runs as {parent.CaseCode} (part 2 of the case, id {child.Id})", down.Detail);
            var up = await db.History.SingleAsync(e => e.ReferralId == child.Id && e.Kind == ReferralLinks.PartOf);
            Assert.Equal($"part 2 of case {parent.CaseCode}: started by waits {parent.CaseCode} (id {parent.Id})", up.Detail);

            var shownParent = (await ReferralQueries.ShowAsync(db, parent.Id))!;
            Assert.Equal([new LinkedReferral("child", child.Id, parent.CaseCode, "follow-up", "active")], shownParent.Linked);
            var shownChild = (await ReferralQueries.ShowAsync(db, child.Id))!;
            Assert.Equal([new LinkedReferral("parent", parent.Id, parent.CaseCode, "waits", "active")], shownChild.Linked);
            // The shared code names the case where it stands: its first active procedure.
            Assert.Equal(parent.Id, await ReferralQueries.FindIdAsync(db, parent.CaseCode.ToLowerInvariant()));
        }

        // The child's answer ends both; the code then names the referral that drew it.
        await AnswerAsync(h, child.Id);
        await using (var db = h.Open())
        {
            Assert.Equal(2, await db.Referrals.CountAsync(r => r.CaseCode == parent.CaseCode && r.Status == ReferralStatus.Closed));
            Assert.Equal(parent.Id, await ReferralQueries.FindIdAsync(db, parent.CaseCode));
        }

        // The command line shows the link both ways, by the shared code and by the child's id.
        using var keys = new TempDirectory("rf-keys");
        var shown = await CliRun.WithoutDatabaseAsync("referrals", "show", parent.CaseCode, "--db", h.Database.ConnectionString, "--keys", keys.Path);
        Assert.True(shown.ExitCode == 0, shown.ToString());
        Assert.Contains($"child     {parent.CaseCode}  follow-up  closed  (id {child.Id})", shown.OutLines);
        var shownChildText = await CliRun.WithoutDatabaseAsync("referrals", "show", child.Id.ToString(), "--db", h.Database.ConnectionString, "--keys", keys.Path);
        Assert.Contains($"parent    {parent.CaseCode}  waits  closed  (id {parent.Id})", shownChildText.OutLines);
    }

    [Fact]
    public async Task A_sub_procedure_running_alongside_its_parent_gets_a_suffix_that_finds_it_plain_or_encoded()
    {
        using var folder = CaseProcedures.Folder();
        await using var h = await RuntimeHarness.CreateAsync("sqlite", "case_code_alongside", folder.Path);
        var parent = await StartAsync(h, "alongside");

        var child = await ChildAsync(h, parent.Id);
        Assert.Equal(($"{parent.CaseCode}/2", 2), (child.CaseCode, child.CasePart));
        Assert.True(CaseCode.IsValid(child.CaseCode));
        await using var db = h.Open();
        Assert.Equal(child.Id, await ReferralQueries.FindIdAsync(db, child.CaseCode));
        Assert.Equal(child.Id, await ReferralQueries.FindIdAsync(db, child.CaseCode.Replace("/", "%2f").ToLowerInvariant()));
        Assert.Equal(parent.Id, await ReferralQueries.FindIdAsync(db, parent.CaseCode));
        Assert.Null(await ReferralQueries.FindIdAsync(db, $"{parent.CaseCode}/3"));
    }

    [Fact]
    public async Task Two_sub_procedures_started_at_once_are_told_apart_by_suffixes_2_and_3()
    {
        using var folder = CaseProcedures.Folder();
        await using var h = await RuntimeHarness.CreateAsync("sqlite", "case_code_twice", folder.Path);
        var parent = await StartAsync(h, "twice");

        await using var db = h.Open();
        var children = await db.Referrals.Where(r => r.ParentReferralId == parent.Id).OrderBy(r => r.CasePart)
            .Select(r => new { r.CaseCode, r.CasePart }).ToListAsync();
        Assert.Equal([$"{parent.CaseCode}/2", $"{parent.CaseCode}/3"], children.Select(c => c.CaseCode));
        Assert.Equal([2, 3], children.Select(c => c.CasePart));
    }

    [Theory]
    [InlineData("RF-2027-TRK65", true)]
    [InlineData("RF-2027-TRK65/2", true)]
    [InlineData("RF-2027-TRK65/12", true)]
    [InlineData("RF-2027-TRK65/1", false)]
    [InlineData("RF-2027-TRK65/02", false)]
    [InlineData("RF-2027-TRK65/", false)]
    [InlineData("RF-2027-TRK65/2/3", false)]
    [InlineData("RF-2027-TRK65/x", false)]
    public void A_case_code_may_carry_a_part_suffix_from_2(string code, bool valid) => Assert.Equal(valid, CaseCode.IsValid(code));

    internal static Task<StartedReferral> StartAsync(RuntimeHarness h, string workflow) =>
        h.Runtime.StartAsync(workflow, new Dictionary<string, JsonNode?>(), Actor.Operator("caseworker"));

    internal static async Task<Referral> ChildAsync(RuntimeHarness h, Guid parentId)
    {
        await using var db = h.Open();
        return await db.Referrals.AsNoTracking().SingleAsync(r => r.ParentReferralId == parentId);
    }

    private static async Task AnswerAsync(RuntimeHarness h, Guid referralId)
    {
        Guid handOff;
        await using (var db = h.Open())
            handOff = await db.HandOffs.Where(x => x.ReferralId == referralId).Select(x => x.Id).SingleAsync();
        await h.Runtime.AnswerHandOffAsync(handOff, "accepted", new Dictionary<string, JsonNode?>(), Actor.Operator("caseworker"), "phone");
    }
}
