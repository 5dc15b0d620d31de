using ReferralFlow.Engine.Conditions;

namespace ReferralFlow.Engine.Definitions;

/// <summary>A published procedure: immutable once loaded. Instances are pinned to (Id, Version).</summary>
public sealed record WorkflowDefinition
{
    public required string Id { get; init; }
    public required int Version { get; init; }
    public required string Title { get; init; }
    public string? Description { get; init; }
    public required string Start { get; init; }
    public required IReadOnlyDictionary<string, VariableDefinition> Variables { get; init; }
    public required IReadOnlyList<StepDefinition> Steps { get; init; }
    public required IReadOnlyList<Transition> Transitions { get; init; }

    public StepDefinition Step(string id) =>
        Steps.FirstOrDefault(s => s.Id == id)
        ?? throw new InvalidOperationException($"Workflow '{Id}' v{Version} has no step '{id}'.");

    /// <summary>Where the outcome of a step leads: a step id, or <see cref="Transition.Join"/>.</summary>
    public string? Target(string stepId, string outcome) =>
        Transitions.FirstOrDefault(t => t.From == stepId && t.Outcome == outcome)?.To;

    public IReadOnlyDictionary<string, VariableType> VariableTypes =>
        Variables.ToDictionary(v => v.Key, v => v.Value.Type);
}

/// <summary>A workflow fact. Never personal data: names, birth dates and document numbers live in the referral record.
/// <paramref name="Format"/> lets a string hold a place or a flight number instead of a code (<see cref="VariableFormats"/>);
/// <paramref name="Personal"/> false declares that a message may show it to a partner (a message fact).</summary>
public sealed record VariableDefinition(
    VariableType Type,
    bool Input = false,
    object? Default = null,
    IReadOnlyList<string>? Values = null,
    string? Description = null,
    string? Format = null,
    bool Personal = true);

public sealed record Transition(string From, string Outcome, string To)
{
    /// <summary>Target that ends a branch of the enclosing parallel step.</summary>
    public const string Join = "join";
}
