using System.Text.Json.Nodes;
using ReferralFlow.Core.People;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Engine.Definitions;

namespace ReferralFlow.Core.Intake;

/// <summary>
/// The non-personal facts a procedure may use, derived at intake: whether the person is a child, and the corridor's
/// origin and destination countries (<see cref="Corridor.CorridorFacts"/>). A fact becomes a
/// variable only where the procedure declares it as an input (court-appearance declares <c>person.isChild</c>); the data
/// it comes from (the birth date) never does.
/// </summary>
public static class WorkflowFacts
{
    public const string IsChild = "person.isChild";

    public static readonly IReadOnlySet<string> DerivedFromPerson = new HashSet<string>(StringComparer.Ordinal) { IsChild };

    /// <summary>The variables to start with: those given, plus the derived facts the procedure declares.</summary>
    public static IReadOnlyDictionary<string, JsonNode?> For(WorkflowDefinition workflow,
        IReadOnlyDictionary<string, JsonNode?> given, PersonalData? person, DateOnly today, ReferralParticulars? particulars = null)
    {
        var variables = given.ToDictionary(v => v.Key, v => v.Value?.DeepClone());
        Corridor.CorridorFacts.Apply(workflow, variables, particulars?.OriginCountry, particulars?.DestinationCountry);
        if (person is not null && workflow.Variables.TryGetValue(IsChild, out var declared) && declared.Input)
            variables[IsChild] = JsonValue.Create(Minority.IsChild(person.BirthDate, today));
        return variables;
    }
}
