using System.Text.Json.Nodes;
using ReferralFlow.Engine.Definitions;
using ReferralFlow.Engine.Execution;
using ReferralFlow.Engine.Simulation;
using static ReferralFlow.Engine.Tests.Execution.Workflows;

namespace ReferralFlow.Engine.Tests.Execution;

public sealed class InputValidationTests
{
    private const string Assessment = """
        { "id": "assessment", "version": 1, "title": "Assessment", "start": "assess",
          "variables": {
            "risk.level": { "type": "string", "values": ["low", "high"] },
            "person.isChild": { "type": "boolean" },
            "travel.arrivalAt": { "type": "date" },
            "monitoring.months": { "type": "number" } },
          "steps": [
            { "id": "assess", "type": "task", "role": "caseworker", "outcomes": ["assessed", "unclear"],
              "sets": ["risk.level", "person.isChild", "travel.arrivalAt"] },
            { "id": "ask-partner", "type": "partnerRequest", "partner": "receiving", "request": "accept-referral",
              "outcomes": ["accepted"], "sets": ["monitoring.months"] },
            { "id": "done", "type": "end", "outcome": "done" } ],
          "transitions": [
            { "from": "assess", "outcome": "assessed", "to": "ask-partner" },
            { "from": "assess", "outcome": "unclear", "to": "done" },
            { "from": "ask-partner", "outcome": "accepted", "to": "done" } ] }
        """;

    private static readonly WorkflowDefinition Definition = Load(Assessment);

    public static TheoryData<string, string, string, string> BadAnswers => new()
    {
        { "undeclared outcome", "approved", "{}", "choose one of: assessed, unclear" },
        { "variable the step does not set", "assessed", """{ "monitoring.months": 3 }""",
            "cannot set 'monitoring.months'; it sets: risk.level, person.isChild, travel.arrivalAt" },
        { "value outside the allowed list", "assessed", """{ "risk.level": "extreme" }""", "must be one of low, high" },
        { "number for a boolean", "assessed", """{ "risk.level": "high", "person.isChild": 1 }""", "'person.isChild' must be a boolean" },
        { "text that is not a date", "assessed", """{ "travel.arrivalAt": "next tuesday" }""", "such as \"2026-12-01\"" },
        { "list for a single value", "assessed", """{ "risk.level": ["low"] }""", "not an object or list" },
    };

    [Theory]
    [MemberData(nameof(BadAnswers))]
    public void Bad_answer_to_a_task_is_refused_and_changes_nothing(string what, string outcome, string data, string expected)
    {
        var (runner, state, taskId) = Started();
        var before = state.Serialize();

        var error = Assert.Throws<WorkflowInputException>(() =>
            runner.Resume(Definition, state, new CompleteTask(taskId, outcome, VariableValues.ParseObject(data), "caseworker")));

        Assert.True(error.Message.Contains(expected, StringComparison.Ordinal), $"{what}: {error.Message}");
        Assert.Equal(before, state.Serialize());
    }

    [Fact]
    public void Unknown_task_id_is_refused_and_changes_nothing()
    {
        var (runner, state, _) = Started();
        var before = state.Serialize();
        var unknown = Guid.NewGuid();

        var error = Assert.Throws<WorkflowInputException>(() =>
            runner.Resume(Definition, state, new CompleteTask(unknown, "assessed", new Dictionary<string, JsonNode?>(), "caseworker")));

        Assert.Contains(unknown.ToString(), error.Message);
        Assert.Equal(before, state.Serialize());
    }

    [Fact]
    public void Task_id_given_as_a_hand_off_answer_is_refused()
    {
        var (runner, state, taskId) = Started();
        var before = state.Serialize();

        Assert.Throws<WorkflowInputException>(() => runner.Resume(Definition, state,
            new AnswerHandOff(taskId, "assessed", new Dictionary<string, JsonNode?>(), "receiving", "email")));

        Assert.Equal(before, state.Serialize());
    }

    [Fact]
    public void Bad_answer_through_the_host_leaves_the_task_open_and_the_history_unchanged()
    {
        var host = Host(Assessment);
        var id = host.Start("assessment");
        var task = host.OpenTask("assess");
        var state = host.Instance(id).State.Serialize();
        var history = host.History(id).Count;

        Assert.Throws<WorkflowInputException>(() => host.CompleteTask(task.Id, "assessed",
            Data(("risk.level", "high"), ("person.isChild", "yes"))));
        Assert.Throws<WorkflowInputException>(() => host.CompleteTask(Guid.NewGuid(), "assessed"));
        Assert.Throws<WorkflowInputException>(() => host.AnswerHandOff(task.Id, "assessed"));

        Assert.Equal(state, host.Instance(id).State.Serialize());
        Assert.Equal(history, host.History(id).Count);
        Assert.True(host.OpenTask("assess").IsOpen);
        Assert.False(host.Instance(id).State.Variables.ContainsKey("risk.level"));
    }

    [Fact]
    public void Good_data_is_stored_in_canonical_form()
    {
        var host = Host(Assessment);
        var id = host.Start("assessment");

        host.CompleteTask(host.OpenTask("assess").Id, "assessed",
            Data(("risk.level", "high"), ("person.isChild", false), ("travel.arrivalAt", "2027-02-01")));
        host.AnswerHandOff(host.OpenHandOff("ask-partner").Id, "accepted", Data(("monitoring.months", 6)));

        var variables = host.Instance(id).State.Variables;
        Assert.Equal("2027-02-01T00:00:00.0000000+00:00", variables["travel.arrivalAt"]!.GetValue<string>());
        Assert.Equal(6m, variables["monitoring.months"]!.GetValue<decimal>());
        Assert.False(variables["person.isChild"]!.GetValue<bool>());
    }

    private static (WorkflowRunner Runner, InstanceState State, Guid TaskId) Started()
    {
        var runner = new WorkflowRunner(new VirtualClock(Monday));
        var result = runner.Start(Definition, new Dictionary<string, JsonNode?>(), "coordinator");
        return (runner, result.State, result.Effects.OfType<TaskOpened>().Single().TaskId);
    }
}
