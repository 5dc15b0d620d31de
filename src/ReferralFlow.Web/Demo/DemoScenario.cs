using System.Text.Json.Nodes;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.Intake;

namespace ReferralFlow.Web.Demo;

/// <summary>One demo referral: the procedure, how long ago it started, the invented person and the partners it
/// starts with (through the intake, as a caseworker would), the answers given since, in order, and the procedure's
/// input variables. <paramref name="ConsentWithheld"/> names the one purpose the person has not yet agreed to, so
/// that request waits on consent; every other request the procedure can make is covered from the start.</summary>
internal sealed record DemoScenario(
    string WorkflowId, TimeSpan StartedAgo, PersonInput Person, DemoPartners Partners, IReadOnlyList<DemoMove> Moves,
    IReadOnlyDictionary<string, JsonNode?>? Input = null, string? ConsentWithheld = null);

/// <summary>The open task or hand-off at <paramref name="StepId"/> finished with <paramref name="Outcome"/>.
/// <paramref name="Channel"/> only matters for hand-offs: how the partner's answer reached the caseworker.</summary>
internal sealed record DemoMove(
    string StepId, string Outcome, IReadOnlyDictionary<string, JsonNode?>? Data = null, string Channel = HandOffChannels.Email)
{
    public static DemoMove Sets(string stepId, string outcome, string variable, JsonNode value) =>
        new(stepId, outcome, new Dictionary<string, JsonNode?> { [variable] = value });
}
