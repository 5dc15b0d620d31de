using ReferralFlow.Engine.Conditions;
using ReferralFlow.Engine.Definitions;

namespace ReferralFlow.Web.Forms;

/// <summary>An input for a workflow fact that a step may set along with its outcome (the step's <c>sets</c>).</summary>
public sealed record VariableField(string Name, VariableType Type, IReadOnlyList<string>? Values, string? Description)
{
    public const string Prefix = "set:";

    public string InputName => Prefix + Name;

    public string Label => Display.Words(Name);

    /// <summary>The fields of a task or partner-request step; none for other steps.</summary>
    public static IReadOnlyList<VariableField> For(WorkflowDefinition definition, string stepId)
    {
        var sets = definition.Steps.FirstOrDefault(s => s.Id == stepId) switch
        {
            TaskStep task => task.Sets,
            PartnerRequestStep request => request.Sets,
            _ => [],
        };
        return [.. sets.Select(name => From(name, definition.Variables[name]))];
    }

    private static VariableField From(string name, VariableDefinition declared) =>
        new(name, declared.Type, declared.Values, declared.Description);
}

/// <summary>The fields of one form on a page; <see cref="FormId"/> keeps the input ids unique.</summary>
public sealed record FieldsView(string FormId, IReadOnlyList<VariableField> Fields);
