using ReferralFlow.Engine.Execution;
using static ReferralFlow.Engine.Tests.Execution.Workflows;

namespace ReferralFlow.Engine.Tests.Execution;

public sealed class IncidentTests
{
    // The routing branch decides on a variable that only the assessment branch sets.
    private const string RouteBeforeAssessment = """
        { "id": "early-routing", "version": 1, "title": "Routing before assessment", "start": "both",
          "variables": { "risk.level": { "type": "string", "values": ["low", "high"] } },
          "steps": [
            { "id": "both", "type": "parallel", "join": "all", "branches": { "assessment": "assess", "routing": "route" } },
            { "id": "assess", "type": "task", "role": "caseworker", "outcomes": ["assessed"], "sets": ["risk.level"] },
            { "id": "route", "type": "decision", "otherwise": "standard",
              "branches": [ { "when": "risk.level == 'high'", "outcome": "high" } ] },
            { "id": "alert-police", "type": "notify", "to": "border-police", "notice": "high-risk-return" },
            { "id": "finished", "type": "end", "outcome": "finished" } ],
          "transitions": [
            { "from": "assess", "outcome": "assessed", "to": "join" },
            { "from": "route", "outcome": "high", "to": "alert-police" },
            { "from": "route", "outcome": "standard", "to": "join" },
            { "from": "alert-police", "outcome": "done", "to": "join" },
            { "from": "both", "outcome": "done", "to": "finished" } ] }
        """;

    private const string UntilUnset = """
        { "id": "until-unset", "version": 1, "title": "Wait for a date nobody set", "start": "until-arrival",
          "variables": { "travel.arrivalAt": { "type": "date" } },
          "steps": [
            { "id": "until-arrival", "type": "wait", "until": "travel.arrivalAt" },
            { "id": "arrived", "type": "end", "outcome": "arrived" } ],
          "transitions": [ { "from": "until-arrival", "outcome": "done", "to": "arrived" } ] }
        """;

    [Fact]
    public void Decision_on_an_unset_variable_raises_an_incident_and_keeps_the_token_there()
    {
        var host = Host(RouteBeforeAssessment);
        var id = host.Start("early-routing");

        var incident = Assert.Single(host.Incidents);
        Assert.Equal((id, "route"), (incident.ReferralId, incident.StepId));
        Assert.Contains("risk.level", incident.Message);
        var token = Assert.Single(host.Instance(id).State.Tokens, t => t.StepId == "route");
        Assert.Equal(TokenStatus.Faulted, token.Status);
        Assert.Equal("assess", host.OpenTask("assess").StepId); // the other branch goes on
    }

    [Fact]
    public void Retry_after_the_variable_is_set_runs_the_faulted_step_and_goes_on()
    {
        var host = Host(RouteBeforeAssessment);
        var id = host.Start("early-routing");
        host.CompleteTask(host.OpenTask("assess").Id, "assessed", Data(("risk.level", "high")));
        Assert.True(host.Instance(id).IsActive);

        host.RetryIncidents(id);

        Assert.Empty(host.Incidents);
        Assert.Single(host.Messages, m => m is { Kind: MessageKind.Notice, Template: "high-risk-return" });
        Assert.Equal("finished", host.Instance(id).Outcome);
        Assert.Contains(host.History(id), e => e is { Kind: "incident-retried", StepId: "route", Actor: "coordinator" });
    }

    [Fact]
    public void Retry_while_the_cause_remains_raises_the_incident_again()
    {
        var host = Host(UntilUnset);
        var id = host.Start("until-unset");
        var first = Assert.Single(host.Incidents);
        Assert.Contains("travel.arrivalAt", first.Message);

        host.Advance(TimeSpan.FromDays(1));
        host.RetryIncidents(id);

        var again = Assert.Single(host.Incidents);
        Assert.Equal((first.TokenId, Monday.AddDays(1)), (again.TokenId, again.At));
        Assert.Equal(TokenStatus.Faulted, host.Instance(id).State.Tokens.Single().Status);
        Assert.Empty(host.Timers);
        Assert.Equal(2, host.History(id).Count(e => e.Kind == "incident"));
    }

    [Fact]
    public void Retry_without_an_incident_is_refused()
    {
        var host = Host(RouteBeforeAssessment);
        var id = host.Start("early-routing");
        host.CompleteTask(host.OpenTask("assess").Id, "assessed", Data(("risk.level", "low")));
        host.RetryIncidents(id);

        Assert.Throws<WorkflowInputException>(() => host.RetryIncidents(id));
    }
}
