using ReferralFlow.Engine.Execution;
using ReferralFlow.Engine.Simulation;
using static ReferralFlow.Engine.Tests.Execution.Workflows;

namespace ReferralFlow.Engine.Tests.Execution;

public sealed class SubworkflowTests
{
    internal const string Monitoring = """
        { "id": "monitoring", "version": 1, "title": "Monitoring", "start": "monthly-report",
          "variables": {
            "monitoring.months": { "type": "number", "input": true, "default": 12 },
            "monitoring.reports": { "type": "number" } },
          "steps": [
            { "id": "monthly-report", "type": "partnerRequest", "partner": "receiving", "request": "monitoring-report",
              "outcomes": ["received"], "count": "monitoring.reports", "due": "P1M" },
            { "id": "more", "type": "decision", "otherwise": "enough",
              "branches": [ { "when": "monitoring.reports < monitoring.months", "outcome": "again" } ] },
            { "id": "next-month", "type": "wait", "for": "P1M" },
            { "id": "completed", "type": "end", "outcome": "completed" } ],
          "transitions": [
            { "from": "monthly-report", "outcome": "received", "to": "more" },
            { "from": "more", "outcome": "again", "to": "next-month" },
            { "from": "next-month", "outcome": "done", "to": "monthly-report" },
            { "from": "more", "outcome": "enough", "to": "completed" } ] }
        """;

    private const string Waiting = """
        { "id": "return", "version": 1, "title": "Return", "start": "monitoring",
          "variables": { "months": { "type": "number", "input": true, "default": 2 } },
          "steps": [
            { "id": "monitoring", "type": "subworkflow", "workflow": "monitoring",
              "input": { "monitoring.months": "months" }, "outcomes": ["completed"] },
            { "id": "close-file", "type": "task", "role": "coordinator", "outcomes": ["closed"] },
            { "id": "returned", "type": "end", "outcome": "returned" } ],
          "transitions": [
            { "from": "monitoring", "outcome": "completed", "to": "close-file" },
            { "from": "close-file", "outcome": "closed", "to": "returned" } ] }
        """;

    private const string NotWaiting = """
        { "id": "return-async", "version": 1, "title": "Return, monitoring apart", "start": "monitoring",
          "steps": [
            { "id": "monitoring", "type": "subworkflow", "workflow": "monitoring", "wait": false,
              "input": { "monitoring.months": 1 } },
            { "id": "close-file", "type": "task", "role": "coordinator", "outcomes": ["closed"] },
            { "id": "returned", "type": "end", "outcome": "returned" } ],
          "transitions": [
            { "from": "monitoring", "outcome": "started", "to": "close-file" },
            { "from": "close-file", "outcome": "closed", "to": "returned" } ] }
        """;

    [Fact]
    public void Waiting_subworkflow_starts_the_child_with_its_input_and_resumes_the_parent_when_it_ends()
    {
        var host = Host(Monitoring, Waiting);
        var parentId = host.Start("return", Data(("months", 2)));

        var child = Assert.Single(host.Instances, i => i.WorkflowId == "monitoring");
        Assert.Equal(parentId, child.ParentId);
        Assert.Equal(host.Instance(parentId).State.Tokens.Single().Id, child.ParentTokenId);
        Assert.Equal(2m, child.State.Variables["monitoring.months"]!.GetValue<decimal>());
        Assert.Empty(host.OpenTasks);

        host.AnswerHandOff(host.OpenHandOff("monthly-report").Id, "received");
        host.Advance(TimeSpan.FromDays(31));
        host.AnswerHandOff(host.OpenHandOff("monthly-report").Id, "received");

        Assert.Equal((InstanceStatus.Closed, "completed"), (child.Status, child.Outcome));
        Assert.Equal(parentId, host.OpenTask("close-file").ReferralId);
        Assert.Contains(host.History(parentId), e => e is { Kind: "subworkflow-completed", Detail: "completed" });
    }

    [Fact]
    public void Subworkflow_without_wait_goes_on_at_once_and_the_child_runs_on_its_own()
    {
        var host = Host(Monitoring, NotWaiting);
        var parentId = host.Start("return-async");

        var child = Assert.Single(host.Instances, i => i.WorkflowId == "monitoring");
        Assert.Equal(1m, child.State.Variables["monitoring.months"]!.GetValue<decimal>());
        host.CompleteTask(host.OpenTask("close-file").Id, "closed");
        Assert.Equal("returned", host.Instance(parentId).Outcome);
        Assert.True(child.IsActive);

        host.AnswerHandOff(host.OpenHandOff("monthly-report").Id, "received");

        Assert.Equal("completed", child.Outcome);
        Assert.Equal("returned", host.Instance(parentId).Outcome);
        Assert.DoesNotContain(host.History(parentId), e => e.Kind == "subworkflow-completed");
    }
}
