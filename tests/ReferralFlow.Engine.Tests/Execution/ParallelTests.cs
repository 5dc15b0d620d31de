using ReferralFlow.Engine.Execution;
using ReferralFlow.Engine.Simulation;
using static ReferralFlow.Engine.Tests.Execution.Workflows;

namespace ReferralFlow.Engine.Tests.Execution;

public sealed class ParallelTests
{
    private const string Preparation = """
        { "id": "preparation", "version": 1, "title": "Preparation", "start": "prepare",
          "steps": [
            { "id": "prepare", "type": "parallel", "join": "all",
              "branches": { "documents": "collect-documents", "travel": "book-travel" } },
            { "id": "collect-documents", "type": "task", "role": "caseworker", "outcomes": ["collected"] },
            { "id": "book-travel", "type": "partnerRequest", "partner": "carrier", "request": "travel-booking",
              "outcomes": ["booked"] },
            { "id": "confirm", "type": "task", "role": "coordinator", "outcomes": ["confirmed"] },
            { "id": "ready", "type": "end", "outcome": "ready" } ],
          "transitions": [
            { "from": "collect-documents", "outcome": "collected", "to": "join" },
            { "from": "book-travel", "outcome": "booked", "to": "join" },
            { "from": "prepare", "outcome": "done", "to": "confirm" },
            { "from": "confirm", "outcome": "confirmed", "to": "ready" } ] }
        """;

    private const string FirstWins = """
        { "id": "placement", "version": 1, "title": "Placement", "start": "find-place",
          "steps": [
            { "id": "find-place", "type": "parallel", "join": "any",
              "branches": { "partner": "ask-partner", "alternative": "find-alternative", "expired": "give-up-after" } },
            { "id": "ask-partner", "type": "partnerRequest", "partner": "receiving", "request": "accept-referral",
              "outcomes": ["accepted"], "due": "P10D", "remind": ["-P2D"] },
            { "id": "find-alternative", "type": "task", "role": "coordinator", "outcomes": ["found"] },
            { "id": "give-up-after", "type": "wait", "for": "P3W" },
            { "id": "placed", "type": "end", "outcome": "placed" },
            { "id": "placed-elsewhere", "type": "end", "outcome": "placed-elsewhere" },
            { "id": "not-placed", "type": "end", "outcome": "not-placed" } ],
          "transitions": [
            { "from": "ask-partner", "outcome": "accepted", "to": "join" },
            { "from": "find-alternative", "outcome": "found", "to": "join" },
            { "from": "give-up-after", "outcome": "done", "to": "join" },
            { "from": "find-place", "outcome": "partner", "to": "placed" },
            { "from": "find-place", "outcome": "alternative", "to": "placed-elsewhere" },
            { "from": "find-place", "outcome": "expired", "to": "not-placed" } ] }
        """;

    private const string EndInBranch = """
        { "id": "abort-in-branch", "version": 1, "title": "Abort from a branch", "start": "both",
          "steps": [
            { "id": "both", "type": "parallel", "join": "all", "branches": { "check": "check", "work": "work" } },
            { "id": "check", "type": "task", "role": "coordinator", "outcomes": ["fine", "abort"] },
            { "id": "work", "type": "task", "role": "caseworker", "outcomes": ["done"] },
            { "id": "aborted", "type": "end", "outcome": "aborted" },
            { "id": "finished", "type": "end", "outcome": "finished" } ],
          "transitions": [
            { "from": "check", "outcome": "fine", "to": "join" },
            { "from": "check", "outcome": "abort", "to": "aborted" },
            { "from": "work", "outcome": "done", "to": "join" },
            { "from": "both", "outcome": "done", "to": "finished" } ] }
        """;

    [Fact]
    public void Join_all_waits_for_every_branch_before_going_on()
    {
        var host = Host(Preparation);
        var id = host.Start("preparation");
        Assert.Single(host.OpenTasks);
        Assert.Single(host.OpenHandOffs);

        host.CompleteTask(host.OpenTask("collect-documents").Id, "collected");
        Assert.Empty(host.OpenTasks);
        Assert.Single(host.Instance(id).State.Frames);

        host.Advance(TimeSpan.FromDays(7));
        host.AnswerHandOff(host.OpenHandOff("book-travel").Id, "booked");

        Assert.Equal(Monday.AddDays(7), host.OpenTask("confirm").OpenedAt);
        Assert.Empty(host.Instance(id).State.Frames);
        Assert.Equal(["documents", "travel"],
            host.History(id).Where(e => e.Kind == "branch-finished").Select(e => e.Detail));
    }

    [Fact]
    public void Join_any_cancels_the_other_branches_and_routes_on_the_winning_branch()
    {
        var host = Host(FirstWins);
        var id = host.Start("placement");
        Assert.Equal(3, host.Timers.Count); // due, reminder, wait

        host.Advance(TimeSpan.FromDays(4));
        host.AnswerHandOff(host.OpenHandOff("ask-partner").Id, "accepted");

        Assert.Equal("placed", host.Instance(id).Outcome);
        Assert.Equal(Closure.Cancelled, host.Tasks.Single(t => t.StepId == "find-alternative").Closure);
        Assert.Empty(host.Timers);
        Assert.Contains(host.History(id), e => e is { Kind: "task-cancelled", StepId: "find-alternative" });
        Assert.Equal(0, host.Advance(TimeSpan.FromDays(60)));
    }

    [Fact]
    public void Join_any_won_by_a_wait_closes_the_open_hand_off_and_task_as_cancelled()
    {
        var host = Host(FirstWins);
        var id = host.Start("placement");

        host.Advance(TimeSpan.FromDays(30));

        Assert.Equal("not-placed", host.Instance(id).Outcome);
        Assert.Equal(Closure.Cancelled, host.HandOffs.Single().Closure);
        Assert.Equal(Closure.Cancelled, host.Tasks.Single().Closure);
        Assert.Empty(host.Timers);
        // The reminder (day 8) and the due time (day 10) came before the wait won on day 21.
        Assert.Equal([Monday.AddDays(8), Monday.AddDays(10), Monday.AddDays(21)],
            host.History(id).Where(e => e.Kind is "reminder" or "deadline-missed" or "wait-elapsed").Select(e => e.At));
    }

    [Fact]
    public void End_reached_in_a_branch_closes_the_whole_referral()
    {
        var host = Host(EndInBranch);
        var id = host.Start("abort-in-branch");

        host.CompleteTask(host.OpenTask("check").Id, "abort");

        Assert.Equal((InstanceStatus.Closed, "aborted"), (host.Instance(id).Status, host.Instance(id).Outcome));
        Assert.Equal(Closure.Cancelled, host.Tasks.Single(t => t.StepId == "work").Closure);
        Assert.Empty(host.Instance(id).State.Tokens);
        Assert.Single(host.History(id), e => e.Kind == "task-cancelled");
    }
}
