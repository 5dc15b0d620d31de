using System.Text.Json.Nodes;
using ReferralFlow.Core.HandOffs;

namespace ReferralFlow.Web.Demo;

/// <summary>One demo referral: the procedure, how long ago it started, its start input, and the answers given
/// since, in order. Values are workflow facts only — case codes are generated, no person is described.</summary>
internal sealed record DemoScenario(
    string WorkflowId, TimeSpan StartedAgo, IReadOnlyList<DemoMove> Moves, IReadOnlyDictionary<string, JsonNode?>? Input = null);

/// <summary>The open task or hand-off at <paramref name="StepId"/> finished with <paramref name="Outcome"/>.
/// <paramref name="Channel"/> only matters for hand-offs: how the partner's answer reached the caseworker.</summary>
internal sealed record DemoMove(
    string StepId, string Outcome, IReadOnlyDictionary<string, JsonNode?>? Data = null, string Channel = HandOffChannels.Email)
{
    public static DemoMove Sets(string stepId, string outcome, string variable, JsonNode value) =>
        new(stepId, outcome, new Dictionary<string, JsonNode?> { [variable] = value });
}
