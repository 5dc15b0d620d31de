using System.Text.Json.Nodes;
using ReferralFlow.Engine.Definitions;
using ReferralFlow.Engine.Simulation;

namespace ReferralFlow.Engine.Tests.Execution;

/// <summary>Loads inline procedure JSON and runs it on a virtual clock that starts on a Monday morning.</summary>
internal static class Workflows
{
    public static readonly DateTimeOffset Monday = new(2027, 1, 4, 9, 0, 0, TimeSpan.Zero);

    public static WorkflowDefinition Load(string json)
    {
        var result = DefinitionLoader.Load(json, "test.json");
        Assert.True(result.IsValid, "the test procedure is invalid:\n" + string.Join("\n", result.Problems));
        return result.Definition!;
    }

    public static DefinitionCatalog Catalog(params string[] json) => DefinitionCatalog.From(json.Select(Load));

    public static InMemoryHost Host(params string[] json) => new(Catalog(json), new VirtualClock(Monday));

    public static Dictionary<string, JsonNode?> Data(params (string Name, JsonNode? Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value);

    public static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    public static HostedTask OpenTask(this InMemoryHost host, string stepId) =>
        Assert.Single(host.OpenTasks, t => t.StepId == stepId);

    public static HostedHandOff OpenHandOff(this InMemoryHost host, string stepId) =>
        Assert.Single(host.OpenHandOffs, h => h.StepId == stepId);

    public static IReadOnlyList<string> Kinds(this InMemoryHost host, Guid referralId) =>
        [.. host.History(referralId).Select(e => e.StepId is null ? e.Kind : $"{e.Kind}:{e.StepId}")];

    public static IEnumerable<(DateTimeOffset At, string Kind, string? Detail)> Events(this InMemoryHost host, Guid referralId, string stepId) =>
        host.History(referralId).Where(e => e.StepId == stepId).Select(e => (e.At, e.Kind, e.Detail));
}
