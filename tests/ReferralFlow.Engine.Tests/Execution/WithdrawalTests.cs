using ReferralFlow.Engine.Execution;
using ReferralFlow.Engine.Simulation;
using static ReferralFlow.Engine.Tests.Execution.Workflows;

namespace ReferralFlow.Engine.Tests.Execution;

public sealed class WithdrawalTests
{
    private const string Busy = """
        { "id": "busy", "version": 1, "title": "Many things open", "start": "everything",
          "steps": [
            { "id": "everything", "type": "parallel", "join": "all",
              "branches": { "paperwork": "paperwork", "partner": "ask-partner", "monitoring": "monitoring" } },
            { "id": "paperwork", "type": "task", "role": "caseworker", "outcomes": ["done"], "due": "P5D", "remind": ["-P1D"] },
            { "id": "ask-partner", "type": "partnerRequest", "partner": "receiving", "request": "accept-referral",
              "outcomes": ["accepted"], "due": "P10D", "escalate": [ { "after": "P2D", "to": "backup" } ] },
            { "id": "monitoring", "type": "subworkflow", "workflow": "monitoring", "outcomes": ["completed"] },
            { "id": "finished", "type": "end", "outcome": "finished" } ],
          "transitions": [
            { "from": "paperwork", "outcome": "done", "to": "join" },
            { "from": "ask-partner", "outcome": "accepted", "to": "join" },
            { "from": "monitoring", "outcome": "completed", "to": "join" },
            { "from": "everything", "outcome": "done", "to": "finished" } ] }
        """;

    [Fact]
    public void Withdrawal_cancels_open_tasks_hand_offs_timers_and_children()
    {
        var host = Host(SubworkflowTests.Monitoring, Busy);
        var id = host.Start("busy");
        var child = Assert.Single(host.Instances, i => i.ParentId == id);
        Assert.Equal(2, host.OpenHandOffs.Count); // the partner's and the child's monthly report
        Assert.NotEmpty(host.Timers);
        host.Advance(TimeSpan.FromDays(2));

        host.Withdraw(id);

        Assert.Equal((InstanceStatus.Withdrawn, "withdrawn"), (host.Instance(id).Status, host.Instance(id).Outcome));
        Assert.Equal(InstanceStatus.Withdrawn, child.Status);
        Assert.All(host.Tasks, t => Assert.Equal(Closure.Cancelled, t.Closure));
        Assert.All(host.HandOffs, h => Assert.Equal(Closure.Cancelled, h.Closure));
        Assert.Empty(host.Timers);
        Assert.Empty(host.Instance(id).State.Tokens);
        Assert.Equal(["handoff-cancelled:ask-partner", "subworkflow-cancelled:monitoring", "task-cancelled:paperwork"],
            host.Kinds(id).Where(k => k.Contains("-cancelled")).Order());
        Assert.Equal(("withdrawn", "coordinator", Monday.AddDays(2)),
            (host.History(id)[^1].Kind, host.History(id)[^1].Actor, host.History(id)[^1].At));
        Assert.Equal(("withdrawn", "parent"), (child.History[^1].Kind, child.History[^1].Actor));

        var messages = host.Messages.Count;
        Assert.Equal(0, host.Advance(TimeSpan.FromDays(90)));
        Assert.Equal(messages, host.Messages.Count);
    }

    [Fact]
    public void Withdrawing_a_closed_referral_is_refused()
    {
        var host = Host(SubworkflowTests.Monitoring, Busy);
        var id = host.Start("busy");
        host.Withdraw(id);

        var error = Assert.Throws<WorkflowInputException>(() => host.Withdraw(id));

        Assert.Contains("already withdrawn", error.Message);
    }

    [Fact]
    public void Withdrawing_a_child_resumes_the_waiting_parent_with_the_child_outcome()
    {
        var host = Host(SubworkflowTests.Monitoring, Busy);
        var id = host.Start("busy");
        var child = Assert.Single(host.Instances, i => i.ParentId == id);

        host.Withdraw(child.Id);

        // The parent routes only on 'completed', so a withdrawn child becomes an incident on the parent, not silence.
        var incident = Assert.Single(host.Incidents);
        Assert.Equal((id, "monitoring"), (incident.ReferralId, incident.StepId));
        Assert.Contains("'withdrawn'", incident.Message);
        Assert.True(host.Instance(id).IsActive);
    }
}
