using System.Text.Json.Nodes;
using ReferralFlow.Engine.Execution;
using ReferralFlow.Engine.Simulation;
using static ReferralFlow.Engine.Tests.Execution.Workflows;

namespace ReferralFlow.Engine.Tests.Execution;

public sealed class StateTests
{
    private const string Reports = """
        { "id": "reports", "version": 1, "title": "Monthly reports", "start": "report",
          "variables": { "reports.received": { "type": "number" }, "reports.late": { "type": "number", "default": 0 } },
          "steps": [
            { "id": "report", "type": "partnerRequest", "partner": "receiving", "request": "monitoring-report",
              "outcomes": ["received", "late"], "count": "reports.received" },
            { "id": "more", "type": "decision", "otherwise": "enough",
              "branches": [ { "when": "reports.received < 3", "outcome": "again" } ] },
            { "id": "next-month", "type": "wait", "for": "P1M" },
            { "id": "done", "type": "end", "outcome": "done" } ],
          "transitions": [
            { "from": "report", "outcome": "received", "to": "more" },
            { "from": "report", "outcome": "late", "to": "more" },
            { "from": "more", "outcome": "again", "to": "next-month" },
            { "from": "next-month", "outcome": "done", "to": "report" },
            { "from": "more", "outcome": "enough", "to": "done" } ] }
        """;

    private const string Split = """
        { "id": "split", "version": 1, "title": "Split", "start": "both",
          "variables": { "risk.level": { "type": "string" } },
          "steps": [
            { "id": "both", "type": "parallel", "join": "all", "branches": { "a": "task-a", "b": "task-b" } },
            { "id": "task-a", "type": "task", "role": "caseworker", "outcomes": ["done"], "sets": ["risk.level"], "due": "P3D" },
            { "id": "task-b", "type": "task", "role": "coordinator", "outcomes": ["done"] },
            { "id": "end", "type": "end", "outcome": "done" } ],
          "transitions": [
            { "from": "task-a", "outcome": "done", "to": "join" },
            { "from": "task-b", "outcome": "done", "to": "join" },
            { "from": "both", "outcome": "done", "to": "end" } ] }
        """;

    [Fact]
    public void Count_increases_each_time_the_step_finishes_and_ends_the_loop()
    {
        var host = Host(Reports);
        var id = host.Start("reports");

        for (var month = 1; month <= 3; month++)
        {
            host.AnswerHandOff(host.OpenHandOff("report").Id, month == 2 ? "late" : "received");
            Assert.Equal(month, host.Instance(id).State.Variables["reports.received"]!.GetValue<decimal>());
            host.Advance(TimeSpan.FromDays(31));
        }

        Assert.Equal("done", host.Instance(id).Outcome);
        Assert.Equal(3, host.HandOffs.Count);
        Assert.Equal(0m, host.Instance(id).State.Variables["reports.late"]!.GetValue<decimal>());
    }

    [Fact]
    public void State_survives_a_serialization_round_trip_and_resumes_from_it()
    {
        var clock = new VirtualClock(Monday);
        var runner = new WorkflowRunner(clock);
        var definition = Load(Split);
        var started = runner.Start(definition, new Dictionary<string, JsonNode?>(), "coordinator");
        var taskA = started.Effects.OfType<TaskOpened>().Single(t => t.StepId == "task-a").TaskId;
        var taskB = started.Effects.OfType<TaskOpened>().Single(t => t.StepId == "task-b").TaskId;
        runner.Resume(definition, started.State, new CompleteTask(taskA, "done", Data(("risk.level", "low")), "caseworker"));

        var json = started.State.Serialize();
        var restored = InstanceState.Deserialize(json);

        Assert.Equal(json, restored.Serialize());
        Assert.Single(restored.Frames);
        Assert.Equal(["a"], restored.Frames[0].Finished);
        Assert.Equal("low", restored.Variables["risk.level"]!.GetValue<string>());
        Assert.Contains("\"status\":\"waiting\"", json);

        var finished = runner.Resume(definition, restored, new CompleteTask(taskB, "done", Data(), "coordinator"));
        Assert.Equal(new ReferralClosed("done", false), finished.Closed);
    }

    [Fact]
    public void Timer_of_a_step_that_already_finished_is_stale_and_changes_nothing()
    {
        var clock = new VirtualClock(Monday);
        var runner = new WorkflowRunner(clock);
        var definition = Load(Split);
        var started = runner.Start(definition, new Dictionary<string, JsonNode?>(), "coordinator");
        var due = started.Effects.OfType<TimerScheduled>().Single();
        var taskA = started.Effects.OfType<TaskOpened>().Single(t => t.StepId == "task-a").TaskId;
        runner.Resume(definition, started.State, new CompleteTask(taskA, "done", Data(), "caseworker"));
        var before = started.State.Serialize();

        clock.Advance(TimeSpan.FromDays(3));
        var result = runner.Resume(definition, started.State, new FireTimer(due.TimerId, due.TokenId, due.Purpose, due.Rung));

        Assert.True(result.Stale);
        Assert.Empty(result.Effects);
        Assert.Equal(before, started.State.Serialize());
    }
}
